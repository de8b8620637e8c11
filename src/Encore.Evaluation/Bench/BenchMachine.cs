using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Encore.Evaluation.Bench;

/// <summary>One line naming the machine a bench ran on: cores, CPU model, vector ISA, memory, runtime.</summary>
public static class BenchMachine
{
    public static string Describe()
    {
        var isa = Avx512F.IsSupported ? "AVX2 + FMA + AVX-512" : Avx2.IsSupported ? "AVX2 + FMA" : "no AVX2";
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores {CpuModel()} ({isa}), {memory:F0} GiB, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}");
    }

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo)) return RuntimeInformation.ProcessArchitecture.ToString();
        foreach (var line in File.ReadLines(cpuInfo))
            if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0)
                return line[(colon + 1)..].Trim();
        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
