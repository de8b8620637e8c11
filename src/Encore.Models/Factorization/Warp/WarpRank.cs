namespace Encore.Models.Factorization.Warp;

/// <summary>
/// WARP's rank estimate and loss weight (Weston, Bengio &amp; Usunier 2011, section 3; LightFM's fit_warp): when the first
/// margin-violating negative comes after N uniform draws, the positive's rank is estimated as floor((items - 1) / N) and
/// the step is weighted by log of it (the harmonic-sum weighting L(k) ~ sum 1/j ~ log k).
/// </summary>
internal static class WarpRank
{
    /// <summary>LightFM's MAX_LOSS: the largest weight (sample weight times rank weight) a step takes.</summary>
    public const float MaxLoss = 10f;

    /// <summary>
    /// log(max(1, floor((items - 1) / draws))): 0 when the estimated rank is 1 or less (a step with no weight).
    /// </summary>
    /// <param name="items">Items in the catalogue, at least 1.</param>
    /// <param name="draws">Negatives drawn up to and including the violating one, at least 1.</param>
    public static float Weight(int items, int draws) => MathF.Log(Math.Max(1, (items - 1) / draws));

    /// <summary>The weight of a step: sample weight times <see cref="Weight"/>, clipped at <see cref="MaxLoss"/> (LightFM's clip).</summary>
    public static float Loss(float sampleWeight, int items, int draws) => Math.Min(sampleWeight * Weight(items, draws), MaxLoss);
}
