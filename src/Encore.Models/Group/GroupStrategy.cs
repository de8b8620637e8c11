namespace Encore.Models.Group;

/// <summary>How per-member normalised scores become one group score (definitions in docs/models-group.md).</summary>
public enum GroupStrategy
{
    /// <summary>Mean of the members' normalised scores.</summary>
    Average,
    /// <summary>The lowest member's normalised score: nobody is left unhappy.</summary>
    LeastMisery,
    /// <summary>The highest member's normalised score.</summary>
    MostPleasure,
    /// <summary>Sum of rank points: N - r for rank r (0-based) in a member's own top-N list, else 0.</summary>
    BordaCount,
    /// <summary>SPEC S1's basic rule on model rankings: members whose top-N holds the item, then mean normalised score.</summary>
    OverlapFirst,
    /// <summary>
    /// Sum over members of each member's expected plays of the item (<see cref="ExpectedPlays"/>): the member's own
    /// training plays of it (repeats) plus their activity spread over new items in proportion to the model's scores.
    /// Uses raw scores, not normalised ones, and needs the members' histories.
    /// </summary>
    ExpectedPlays,
}

/// <summary>How a member's raw model scores are made comparable with the other members'.</summary>
public enum ScoreNormalisation
{
    /// <summary>(s - min) / (max - min) over the candidates; 1 for every candidate when all scores are equal.</summary>
    MinMax,
    /// <summary>1 - r / C for rank r (0-based, ties by item index) among C candidates.</summary>
    Rank,
}
