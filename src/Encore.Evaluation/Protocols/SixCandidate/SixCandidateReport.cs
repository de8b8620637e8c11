using Encore.Models.Hierarchy;

namespace Encore.Evaluation.Protocols.SixCandidate;

/// <summary>Everything one six-candidate evaluation produced: the leaderboard and what was learned on validation.</summary>
public sealed class SixCandidateReport
{
    public required string Label { get; init; }
    /// <summary>Dense user index of each test list, aligned with every result's per-user values.</summary>
    public required int[] Users { get; init; }
    public required int TestCandidates { get; init; }
    public required int ValidationCandidates { get; init; }
    public required int TrainRatings { get; init; }
    /// <summary>Results sorted by accuracy, best first.</summary>
    public required IReadOnlyList<SixCandidateResult> Results { get; init; }
    /// <summary>SPEC S4's climb, step by step (max-genre to ensemble), each with a paired test.</summary>
    public required IReadOnlyList<SixCandidateStep> Steps { get; init; }
    /// <summary>Best against runner-up.</summary>
    public SixCandidateStep? BestVsRunnerUp { get; init; }
    public required IReadOnlyList<FeatureImportances> Importances { get; init; }
    /// <summary>Ensemble members and learned weights (empty when not run).</summary>
    public required IReadOnlyList<(string Member, double Weight)> EnsembleWeights { get; init; }
    public LearnedFallbackFit? Fallback { get; init; }
    /// <summary>The classifiers with per-list against catalogue-wide z-score features (empty unless asked for).</summary>
    public IReadOnlyList<CatalogueZScores.Row> CatalogueZ { get; init; } = [];

    /// <summary>Validation accuracy of each heuristic strategy, in SPEC S4's order (empty when not computed).</summary>
    public IReadOnlyList<(string Model, double Accuracy)> ValidationAccuracies { get; init; } = [];

    /// <summary>The strategies' Bayesian prior and how it was chosen (validation accuracies and curves).</summary>
    public required PriorChoice Prior { get; init; }
    /// <summary>The form SPEC S4's strict adaptive (<see cref="SixCandidateModels.AdaptiveStrict"/>, lambda 0) scored the rated levels in, and how it was chosen.</summary>
    public AdaptiveScaleChoice AdaptiveScale { get; init; } = AdaptiveScaleChoice.Spec;
    /// <summary>The evidence confidence lambda and form of adaptive and the learned fallback's evidence branch, and how they were chosen.</summary>
    public PriorConfidenceChoice PriorConfidence { get; init; } = PriorConfidenceChoice.FixedAt(Models.Hierarchy.AdaptiveScale.Raw, 0);
    /// <summary>Levels absent from the catalogue (e.g. "album" for an IUM snapshot): reported, never imputed.</summary>
    public required IReadOnlyList<string> MissingLevels { get; init; }
    /// <summary>The scored test lists, for per-pair explanations.</summary>
    public required ScoredCandidates Test { get; init; }
    /// <summary>Test scores per model name (aligned with the test candidates).</summary>
    public required IReadOnlyDictionary<string, double[]> TestScores { get; init; }
    /// <summary>The trained classifiers (ML.NET model bytes inside), by name.</summary>
    public required IReadOnlyDictionary<string, CandidateClassifier> Classifiers { get; init; }
}
