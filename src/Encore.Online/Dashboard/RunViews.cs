using Encore.Evaluation.Runs;

namespace Encore.Online.Dashboard;

/// <summary>The experiment store as the runs page sees it: whether it can be read, and its runs.</summary>
/// <param name="Available">False when no store is configured or its file does not exist.</param>
/// <param name="Store">File name of the store (no folder), null when none is configured.</param>
/// <param name="Message">Why no runs can be shown, when <paramref name="Available"/> is false.</param>
/// <param name="Runs">The runs, oldest first.</param>
public sealed record RunList(bool Available, string? Store, string? Message, IReadOnlyList<RunSummary> Runs);

/// <summary>One run without per-user values: what was run, how long it took, every metric mean with its interval.</summary>
public sealed record RunSummary(
    string Id, DateTimeOffset Started, string Kind, string? SweepId, string Model, string Dataset, string Protocol, ulong Seed,
    double FitSeconds, double EvaluateSeconds, IReadOnlyList<RunMetric> Metrics);

/// <summary>One run in full except per-user arrays: the summary plus parameters, provenance and curve series.</summary>
public sealed record RunDetail(
    RunSummary Run, IReadOnlyDictionary<string, string> Parameters, string DatasetHash, string CodeVersion, int EvaluatedUsers,
    IReadOnlyList<string> CurveSeries);

/// <summary>A metric mean with its 95% interval (null bounds when the run has no per-user values for it).</summary>
public sealed record RunMetric(string Name, double Mean, double? Low, double? High);

internal static class RunViews
{
    public static RunSummary Summary(ExperimentRun run) => new(
        run.Id, run.StartedAt, run.Kind, run.SweepId, run.Model, run.Dataset, run.Protocol, run.Seed, run.FitSeconds, run.EvaluateSeconds,
        [.. run.Means.OrderBy(m => MetricOrder.Name(m.Key), StringComparer.Ordinal).ThenBy(m => MetricOrder.Cutoff(m.Key)).ThenBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => run.Intervals.TryGetValue(m.Key, out var i) ? new RunMetric(m.Key, m.Value, i.Low, i.High) : new RunMetric(m.Key, m.Value, null, null))]);

    public static RunDetail Detail(ExperimentRun run) => new(
        Summary(run), run.Parameters, run.DatasetHash, run.CodeVersion, run.Users.Length,
        [.. run.Curve.Select(p => p.Series).Distinct(StringComparer.Ordinal)]);
}
