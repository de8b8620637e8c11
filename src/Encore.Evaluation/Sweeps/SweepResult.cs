using Encore.Evaluation.Runs;

namespace Encore.Evaluation.Sweeps;

/// <summary>All runs of one sweep (shared <see cref="SweepId"/>) and the best by the sweep's metric (higher is better).</summary>
public sealed record SweepResult(string SweepId, string Metric, IReadOnlyList<ExperimentRun> Runs, ExperimentRun Best);
