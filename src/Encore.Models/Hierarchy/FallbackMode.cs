namespace Encore.Models.Hierarchy;

/// <summary>How a missing user rating is filled (SPEC S4).</summary>
public enum FallbackMode : byte
{
    /// <summary>User rating, else the global mean M (the plain heuristics).</summary>
    GlobalMean = 0,

    /// <summary>User rating, else sibling tracks (album, if enabled), else mu_i, else M.</summary>
    Bayesian = 1,
}
