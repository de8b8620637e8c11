namespace Encore.Models.Hierarchy;

/// <summary>The prior mean the Bayesian fallback shrinks towards (SPEC S4 step 2).</summary>
public enum PriorMean : byte
{
    /// <summary>M, the mean of every training rating of every level: SPEC S4's formula.</summary>
    Global = 0,

    /// <summary>
    /// M_level, the mean of the training ratings of the entity's own level (album, artist, genre or track). A departure
    /// from SPEC S4's formula, tried because the levels are rated on different scales (genre ratings sit far below album ratings).
    /// </summary>
    Level = 1,
}

/// <summary>How the prior strengths C of the Bayesian fallback are set.</summary>
public enum PriorFit : byte
{
    /// <summary>
    /// Chosen per level on the validation lists (empirical Bayes, <see cref="PriorSelection"/>): C from a grid that
    /// includes "no smoothing" (C = infinity), the prior mean M or M_level. Without validation lists: <see cref="Fixed"/>.
    /// </summary>
    Validated = 0,

    /// <summary>SPEC S4's formula as written: one C for every level (the prior-strength setting), prior mean M.</summary>
    Fixed = 1,
}
