namespace Encore.Models.Factorization.Warp;

/// <summary>How a training positive weighs in WARP's loss (LightFM's <c>sample_weight</c>).</summary>
public enum WarpWeighting
{
    /// <summary>Every positive weighs 1: the matrix values only mark which pairs are positive (LightFM's default).</summary>
    Binary,

    /// <summary>
    /// A positive weighs its matrix value divided by the mean value of all positives (so the mean weight is 1 and the
    /// step sizes stay on the binary scale); with a log1p confidence transform that is log(1 + plays) over its mean.
    /// </summary>
    Value,
}
