using Encore.Evaluation.Runs;

namespace Encore.Evaluation.Reports;

/// <summary>
/// The runs of one report in a fixed order (start time, then id) so the page does not depend on the order
/// the caller passed them in, with labels that tell runs of the same model apart.
/// </summary>
internal sealed class ReportContext
{
    public ReportOptions Options { get; }
    public IReadOnlyList<ReportRun> Runs { get; }
    public IReadOnlyList<ReportRun> Compared { get; }
    /// <summary>Runs grouped by sweep id (ordinal order), each group in run order.</summary>
    public IReadOnlyList<(string SweepId, IReadOnlyList<ReportRun> Runs)> Sweeps { get; }

    public ReportContext(IReadOnlyList<ExperimentRun> runs, ReportOptions options)
    {
        Options = options;
        var ordered = runs.OrderBy(r => r.StartedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var bestOfSweep = BestOfEachSweep(ordered, options.PrimaryMetric);
        var baseLabels = ordered.Select(r => r.SweepId is null ? r.Model
            : bestOfSweep.Contains(r.Id) ? $"{r.Model} (best of {r.SweepId})" : $"{r.Model} ({r.SweepId})").ToList();
        var counts = baseLabels.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var all = new List<ReportRun>(ordered.Count);
        var colors = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            var label = counts[baseLabels[i]] > 1 ? $"{baseLabels[i]} [{ordered[i].Id}]" : baseLabels[i];
            var compared = ordered[i].SweepId is null || bestOfSweep.Contains(ordered[i].Id);
            all.Add(new ReportRun(ordered[i], label, compared, compared ? colors++ : -1));
        }
        Runs = all;
        Compared = all.Where(r => r.Compared).ToList();
        Sweeps = all.Where(r => r.Run.SweepId is not null)
            .GroupBy(r => r.Run.SweepId!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<ReportRun>)g.ToList()))
            .ToList();
    }

    /// <summary>Ids of the run with the highest primary metric in each sweep (earliest run on ties).</summary>
    private static HashSet<string> BestOfEachSweep(List<ExperimentRun> ordered, string metric)
    {
        var best = new Dictionary<string, (string Id, double Value)>(StringComparer.Ordinal);
        foreach (var run in ordered)
        {
            if (run.SweepId is null) continue;
            var value = run.Means.TryGetValue(metric, out var v) && double.IsFinite(v) ? v : double.NegativeInfinity;
            if (!best.TryGetValue(run.SweepId, out var current) || value > current.Value) best[run.SweepId] = (run.Id, value);
        }
        return best.Values.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
    }
}
