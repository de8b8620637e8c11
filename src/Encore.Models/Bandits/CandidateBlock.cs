using System.Numerics.Tensors;

namespace Encore.Models.Bandits;

/// <summary>Shared scoring loops over a row-major n x d candidate block.</summary>
internal static class CandidateBlock
{
    public static int Count(RidgeValueFunction state, ReadOnlySpan<float> candidates)
    {
        var d = state.Dimension;
        if (candidates.Length == 0 || candidates.Length % d != 0)
            throw new ArgumentException($"expected a non-empty block of {d}-wide candidate rows, got {candidates.Length} values.", nameof(candidates));
        return candidates.Length / d;
    }

    /// <summary>Index of the best θ'·x (first on ties) for a given parameter vector.</summary>
    public static int ArgMax(ReadOnlySpan<float> theta, ReadOnlySpan<float> candidates, int n, out float best)
    {
        var d = theta.Length;
        var arg = 0;
        best = float.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            var s = TensorPrimitives.Dot(theta, candidates.Slice(i * d, d));
            if (s > best) { best = s; arg = i; }
        }
        return arg;
    }

    public static BanditChoice Describe(RidgeValueFunction state, ReadOnlySpan<float> candidates, int index)
    {
        var d = state.Dimension;
        var x = candidates.Slice(index * d, d);
        Span<float> scratch = d <= 1024 ? stackalloc float[d] : new float[d];
        return new BanditChoice(index, state.Predict(x), MathF.Sqrt(state.Variance(x, scratch)));
    }
}
