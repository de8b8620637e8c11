namespace Encore.Models.Hierarchy;

/// <summary>The supervised classifiers of SPEC S4, all from ML.NET (no hand-written learners).</summary>
public enum ClassifierKind : byte
{
    /// <summary>L-BFGS logistic regression on mean-variance normalised features.</summary>
    Logistic = 0,

    /// <summary>One regression tree fitted by FastTree (one boosting round, learning rate 1): a single decision tree.</summary>
    DecisionTree = 1,

    /// <summary>FastForest: a random forest of regression trees.</summary>
    RandomForest = 2,

    /// <summary>FastTree gradient-boosted trees (MART).</summary>
    BoostedTrees = 3,

    /// <summary>LightGBM gradient-boosted trees.</summary>
    LightGbm = 4,
}

/// <summary>Names used on the command line and in leaderboards.</summary>
public static class ClassifierNames
{
    public static string Name(this ClassifierKind kind) => kind switch
    {
        ClassifierKind.Logistic => "logistic",
        ClassifierKind.DecisionTree => "decision-tree",
        ClassifierKind.RandomForest => "random-forest",
        ClassifierKind.BoostedTrees => "boosted-trees",
        _ => "lightgbm",
    };
}
