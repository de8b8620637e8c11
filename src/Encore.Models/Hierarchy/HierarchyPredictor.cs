namespace Encore.Models.Hierarchy;

/// <summary>What a trained hierarchy model scores with: an S4 strategy, one ML.NET classifier, or the stacked ensemble.</summary>
public enum HierarchyPredictor : byte
{
    /// <summary>The ensemble when validation lists are available (the best on the six-candidate leaderboard), else adaptive.</summary>
    Auto = 0,
    MaxGenre = 1,
    Weighted = 2,
    WeightedBayesSiblings = 3,
    Adaptive = 4,
    LearnedFallback = 5,
    Logistic = 6,
    DecisionTree = 7,
    RandomForest = 8,
    BoostedTrees = 9,
    LightGbm = 10,
    Ensemble = 11,
}

/// <summary>Names and kinds of <see cref="HierarchyPredictor"/> values.</summary>
public static class HierarchyPredictors
{
    /// <summary>The leaderboard name (same as <c>evaluate --protocol six-candidate</c>).</summary>
    public static string Name(this HierarchyPredictor p) => p switch
    {
        HierarchyPredictor.Auto => "auto",
        HierarchyPredictor.Ensemble => "ensemble",
        _ when p.Strategy() is { } s => s.Name(),
        _ => p.Classifier()!.Value.Name(),
    };

    /// <summary>The heuristic strategy, or null for classifiers, the ensemble and auto.</summary>
    public static HierarchyStrategy? Strategy(this HierarchyPredictor p) => p is >= HierarchyPredictor.MaxGenre and <= HierarchyPredictor.LearnedFallback
        ? (HierarchyStrategy)(p - HierarchyPredictor.MaxGenre) : null;

    /// <summary>The classifier, or null for strategies, the ensemble and auto.</summary>
    public static ClassifierKind? Classifier(this HierarchyPredictor p) => p is >= HierarchyPredictor.Logistic and <= HierarchyPredictor.LightGbm
        ? (ClassifierKind)(p - HierarchyPredictor.Logistic) : null;

    /// <summary>True when the predictor is learned on validation lists (learned fallback, classifiers, ensemble).</summary>
    public static bool NeedsValidation(this HierarchyPredictor p) => p >= HierarchyPredictor.LearnedFallback;
}
