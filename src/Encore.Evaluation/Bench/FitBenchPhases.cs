using System.Diagnostics;

namespace Encore.Evaluation.Bench;

/// <summary>One phase of a fit process: its name, wall seconds and CPU seconds (all threads, user + sys).</summary>
/// <param name="Name">What ran, e.g. "load split + matrix".</param>
/// <param name="WallSeconds">Elapsed seconds; grows with other processes' load on a shared machine.</param>
/// <param name="CpuSeconds">This process's CPU seconds over the phase; barely depends on other processes' load.</param>
public sealed record FitBenchPhase(string Name, double WallSeconds, double CpuSeconds);

/// <summary>
/// Times consecutive phases of one process (wall and process CPU), for <c>encore bench fit --phases</c>: each
/// <see cref="End"/> closes the phase that started at the previous one. Reading the CPU time costs a /proc read.
/// </summary>
public sealed class FitBenchPhases
{
    private readonly List<FitBenchPhase> _phases = [];
    private long _start = Stopwatch.GetTimestamp();
    private TimeSpan _cpu = Cpu();

    /// <summary>Phases closed so far, in order.</summary>
    public IReadOnlyList<FitBenchPhase> Phases => _phases;

    /// <summary>Closes the running phase under <paramref name="name"/> and starts the next one.</summary>
    public void End(string name)
    {
        var now = Stopwatch.GetTimestamp();
        var cpu = Cpu();
        _phases.Add(new FitBenchPhase(name, Stopwatch.GetElapsedTime(_start, now).TotalSeconds, (cpu - _cpu).TotalSeconds));
        _start = now;
        _cpu = cpu;
    }

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
