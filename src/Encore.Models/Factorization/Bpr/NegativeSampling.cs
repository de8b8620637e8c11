namespace Encore.Models.Factorization.Bpr;

/// <summary>How negative items are drawn for sampled-loss training.</summary>
public enum NegativeSampling
{
    /// <summary>In proportion to item popularity (an item of a random training pair), as implicit does: pushes popular items down.</summary>
    Popularity,
    /// <summary>Uniformly over all items (Rendle et al.'s original): tends towards popularity ranking.</summary>
    Uniform,
}
