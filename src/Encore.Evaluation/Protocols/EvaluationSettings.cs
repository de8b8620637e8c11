using Encore.Models.Contract;

namespace Encore.Evaluation.Protocols;

/// <summary>What the pipeline records about each run besides the metrics, and how it measures them.</summary>
public sealed record EvaluationSettings
{
    /// <value>Cut-offs. Default 5, 10, 30 (SPEC S1).</value>
    public IReadOnlyList<int> Ks { get; init; } = [5, 10, 30];

    /// <value>Dataset name recorded with each run (e.g. the snapshot folder).</value>
    public string Dataset { get; init; } = "";

    /// <value>Dataset content hash (snapshot manifest) recorded with each run.</value>
    public string DatasetHash { get; init; } = "";

    /// <value>"evaluate" or "sweep".</value>
    public string Kind { get; init; } = "evaluate";

    public string? SweepId { get; init; }

    /// <value>Bootstrap resamples of each 95% interval. Default 1000.</value>
    public int BootstrapResamples { get; init; } = 1000;

    /// <value>Receives every training epoch of every model (for a progress display).</value>
    public IProgress<(string Model, EpochReport Epoch)>? TrainingProgress { get; init; }

    /// <value>Receives each model's step as it starts ("fitting", "evaluating 1,882 users"), so a display can say what a long silent step is.</value>
    public IProgress<(string Model, string Step)>? StepProgress { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        if (Ks.Count == 0) throw new ArgumentException("at least one cut-off k is needed.", nameof(Ks));
        foreach (var k in Ks)
            if (k <= 0) throw new ArgumentException($"every k must be > 0, got {k}.", nameof(Ks));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BootstrapResamples);
    }
}
