using Encore.Core.Randomness;

namespace Encore.Data.Synthetic;

/// <summary>Small vector helpers for the latent space (row-major float arrays).</summary>
internal static class LatentMath
{
    /// <summary>target += scale x N(0, I) / sqrt(dim): noise whose expected squared norm is scale^2.</summary>
    public static void AddNoise(Span<float> target, double scale, ref Rng rng)
    {
        if (scale == 0) return;
        var s = scale / Math.Sqrt(target.Length);
        for (var i = 0; i < target.Length; i++) target[i] += (float)(s * rng.NextGaussian());
    }

    /// <summary>target += weight x source.</summary>
    public static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float weight)
    {
        for (var i = 0; i < target.Length; i++) target[i] += weight * source[i];
    }

    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    public static double Logistic(double x) => 1.0 / (1.0 + Math.Exp(-x));

    /// <summary>Draw from a small discrete distribution given its cumulative weights (last = total).</summary>
    public static int DrawCumulative(ReadOnlySpan<float> cumulative, ref Rng rng)
    {
        var u = rng.NextFloat() * cumulative[^1];
        for (var i = 0; i < cumulative.Length - 1; i++)
            if (u < cumulative[i]) return i;
        return cumulative.Length - 1;
    }
}
