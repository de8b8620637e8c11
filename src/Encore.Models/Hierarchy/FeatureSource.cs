namespace Encore.Models.Hierarchy;

/// <summary>Where a hierarchy feature's value came from, in fallback order.</summary>
public enum FeatureSource : byte
{
    /// <summary>(1) The user's own rating of the entity.</summary>
    User = 0,

    /// <summary>The mean of the user's ratings of other tracks on the same album (album level only, when enabled).</summary>
    Sibling = 1,

    /// <summary>(2) The Bayesian-smoothed global score mu_i.</summary>
    Bayesian = 2,

    /// <summary>(3) The prior mean: the global mean M (SPEC S4), or M_level with <see cref="PriorMean.Level"/> in the Bayesian fallback.</summary>
    Global = 3,

    /// <summary>The track has no link at this level (e.g. no albums in an IUM snapshot): nothing is imputed from the hierarchy; the value shown is M.</summary>
    Missing = 4,
}
