using Encore.Core.Sparse;

namespace Encore.Data.Aggregation;

/// <summary>SPEC S1's binary preference: p = 1 if the raw score >= threshold (default 1), else 0.</summary>
public static class Preference
{
    public const float DefaultThreshold = 1f;

    public static float Of(float score, float threshold = DefaultThreshold) => score >= threshold ? 1f : 0f;

    /// <summary>Raw scores to a 0/1 matrix that stores only the pairs with p = 1.</summary>
    public static CsrMatrix Binarize(CsrMatrix scores, float threshold = DefaultThreshold)
    {
        var kept = SparseValues.Where(scores, v => v >= threshold);
        var ones = new float[kept.NonZeros];
        ones.AsSpan().Fill(1f);
        return kept.WithValues(ones);
    }
}
