using Encore.Models.Contract;

namespace Encore.Evaluation.Bench;

/// <summary>Records the elapsed time of every epoch report synchronously (Progress&lt;T&gt; would post them later).</summary>
internal sealed class EpochClock : IProgress<EpochReport>
{
    private readonly List<double> _elapsed = [];

    public void Report(EpochReport value) => _elapsed.Add(value.Elapsed.TotalSeconds);

    /// <summary>Median duration of one epoch in seconds (NaN before any report).</summary>
    public double MedianEpochSeconds()
    {
        if (_elapsed.Count == 0) return double.NaN;
        var durations = new double[_elapsed.Count];
        for (var i = 0; i < durations.Length; i++) durations[i] = _elapsed[i] - (i == 0 ? 0 : _elapsed[i - 1]);
        Array.Sort(durations);
        var mid = durations.Length / 2;
        return durations.Length % 2 == 1 ? durations[mid] : (durations[mid - 1] + durations[mid]) / 2;
    }
}
