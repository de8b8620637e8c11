using Encore.Evaluation.Runs;

namespace Encore.Evaluation.Reports;

/// <summary>A run as the report shows it: its unique display label and whether it takes part in the
/// per-model comparison plots (single evaluations and the best run of each sweep do). A compared run keeps
/// the same colour (<see cref="ColorIndex"/>) in every plot.</summary>
internal sealed record ReportRun(ExperimentRun Run, string Label, bool Compared, int ColorIndex)
{
    public double Mean(string metric) => Run.Means.TryGetValue(metric, out var v) ? v : double.NaN;

    public bool Has(string metric) => Run.Means.TryGetValue(metric, out var v) && double.IsFinite(v);
}
