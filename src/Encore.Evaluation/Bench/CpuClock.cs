using System.Diagnostics;

namespace Encore.Evaluation.Bench;

/// <summary>
/// Wall and CPU time of a phase. On a shared machine the wall time grows with other processes' load;
/// CPU seconds / threads is what the phase would take on idle cores (if it scales perfectly).
/// </summary>
internal sealed class CpuClock
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _cpuStart = Cpu();

    public double WallSeconds => _wall.Elapsed.TotalSeconds;

    public double CpuSeconds => (Cpu() - _cpuStart).TotalSeconds;

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
