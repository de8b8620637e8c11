using Encore.Models.Contract;

namespace Encore.Evaluation.Bench;

/// <summary>
/// Records the elapsed time of every epoch report synchronously (Progress&lt;T&gt; would post them later); with
/// <paramref name="cpu"/>, also the process's CPU seconds at each report (all threads), counted from the clock's creation.
/// </summary>
internal sealed class EpochClock(bool cpu = false) : IProgress<EpochReport>
{
    private readonly List<double> _elapsed = [];
    private readonly List<double> _cpu = [];
    private readonly CpuClock? _cpuClock = cpu ? new CpuClock() : null;

    public void Report(EpochReport value)
    {
        _elapsed.Add(value.Elapsed.TotalSeconds);
        if (_cpuClock is not null) _cpu.Add(_cpuClock.CpuSeconds);
    }

    /// <summary>Median duration of one epoch in seconds (NaN before any report).</summary>
    public double MedianEpochSeconds() => MedianStep(_elapsed);

    /// <summary>Median CPU seconds (all threads) of one epoch (NaN before any report or without CPU recording).</summary>
    public double MedianEpochCpuSeconds() => MedianStep(_cpu);

    // Median of the differences between consecutive running totals (the first counted from 0).
    private static double MedianStep(List<double> totals)
    {
        if (totals.Count == 0) return double.NaN;
        var durations = new double[totals.Count];
        for (var i = 0; i < durations.Length; i++) durations[i] = totals[i] - (i == 0 ? 0 : totals[i - 1]);
        Array.Sort(durations);
        var mid = durations.Length / 2;
        return durations.Length % 2 == 1 ? durations[mid] : (durations[mid - 1] + durations[mid]) / 2;
    }
}
