using System.Diagnostics;
using System.Globalization;
using Encore.Evaluation.Bench;

namespace Encore.Cli.Output;

/// <summary>
/// <c>encore bench fit --phases</c>: where one fit process's time went, as "phase TAB name TAB wall s TAB CPU s"
/// lines on stderr (stdout keeps the one result line the scripts read), then the assemblies this process loaded.
/// The process's exit after these lines is the one phase it cannot time itself: compare the sum with an external
/// clock (<c>/usr/bin/time</c>; bench/startup/phases.sh does).
/// </summary>
internal static class FitPhasesPrinter
{
    /// <summary>The CPU seconds of this process so far, read when the command's action starts.</summary>
    public static double CpuNow()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    public static void Print(TextWriter writer, double commandLineWall, double commandLineCpuEnd, IReadOnlyList<FitBenchPhase> phases)
    {
        var rows = new List<FitBenchPhase>
        {
            new("runtime start to Main", ProcessStart.SecondsToMain(), ProcessStart.CpuToMain),
            new("command line", commandLineWall, commandLineCpuEnd - ProcessStart.CpuToMain),
        };
        rows.AddRange(phases);
        rows.Add(new("total to here", rows.Sum(r => r.WallSeconds), CpuNow()));
        foreach (var r in rows)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"phase\t{r.Name}\t{r.WallSeconds:F4}\t{r.CpuSeconds:F4}"));
        var assemblies = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "?").Order(StringComparer.Ordinal).ToArray();
        writer.WriteLine($"assemblies\t{assemblies.Length}\t{string.Join(' ', assemblies)}");
    }
}
