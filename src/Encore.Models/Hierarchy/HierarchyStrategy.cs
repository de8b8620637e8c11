namespace Encore.Models.Hierarchy;

/// <summary>The heuristic scoring strategies of SPEC S4, from the plainest to the learned fallback.</summary>
public enum HierarchyStrategy : byte
{
    /// <summary>0.7 album + 0.2 artist + 0.1 max genre; user rating else M.</summary>
    MaxGenre = 0,

    /// <summary>0.4 album + 0.3 artist + 0.3 mean genre; user rating else M.</summary>
    Weighted = 1,

    /// <summary>Weighted, with sibling tracks for the album and the Bayesian fallback mu_i before M.</summary>
    WeightedBayesSiblings = 2,

    /// <summary>Only the levels the user rated (album directly or through siblings, artist, genres), weights renormalised; none rated: <see cref="WeightedBayesSiblings"/>.</summary>
    Adaptive = 3,

    /// <summary>Adaptive, but pairs with no direct evidence take a collaborative model's estimate mapped by a line learned on validation.</summary>
    LearnedFallback = 4,
}

/// <summary>Names used on the command line and in leaderboards.</summary>
public static class HierarchyStrategyNames
{
    public static string Name(this HierarchyStrategy strategy) => strategy switch
    {
        HierarchyStrategy.MaxGenre => "max-genre",
        HierarchyStrategy.Weighted => "weighted",
        HierarchyStrategy.WeightedBayesSiblings => "weighted+bayes+siblings",
        HierarchyStrategy.Adaptive => "adaptive",
        _ => "learned-fallback",
    };

    /// <summary>The fallback mode and sibling switch the strategy's features are computed with.</summary>
    public static (FallbackMode Mode, bool Siblings) Features(this HierarchyStrategy strategy) =>
        strategy is HierarchyStrategy.MaxGenre or HierarchyStrategy.Weighted ? (FallbackMode.GlobalMean, false) : (FallbackMode.Bayesian, true);
}
