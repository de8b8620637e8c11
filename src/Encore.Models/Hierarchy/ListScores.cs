namespace Encore.Models.Hierarchy;

/// <summary>
/// Everything computed for one candidate list of one user: the S4 features (Bayesian + siblings, and plain
/// user-else-M), the strategy scores, the flat ALS and learned-fallback scores, the classifier rows and scores,
/// and the predictor's final score. Arrays are aligned with the list; null where the predictor did not need them.
/// </summary>
public sealed class ListScores
{
    public required int[] Items { get; init; }
    public required PairFeatures[] Features { get; init; }
    public required PairFeatures[] PlainFeatures { get; init; }
    /// <summary>Strategy name -> score per candidate (max-genre, weighted, weighted+bayes+siblings, adaptive, learned-fallback when fitted).</summary>
    public required Dictionary<string, double[]> Strategies { get; init; }
    public double[]? Als { get; init; }
    public float[]? Rows { get; init; }
    /// <summary>Classifier name -> score per candidate (those the predictor uses).</summary>
    public required Dictionary<string, double[]> Classifiers { get; init; }
    public required double[] Final { get; init; }
}
