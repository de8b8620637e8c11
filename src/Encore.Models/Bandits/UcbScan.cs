using System.Numerics.Tensors;

namespace Encore.Models.Bandits;

/// <summary>
/// The upper-confidence scan shared by disjoint and hybrid LinUCB: argmax over candidates of
/// φ·x + α sqrt(xᵀ S x) for a weight vector φ (d) and a symmetric covariance S (d x d, row-major).
/// Ties go to the first candidate. Cost O(n d²) (<see cref="QuadraticForm"/>), no allocation.
/// </summary>
internal static class UcbScan
{
    public static int ArgMax(ReadOnlySpan<float> phi, ReadOnlySpan<float> covariance, float alpha, ReadOnlySpan<float> candidates, int n)
    {
        var d = phi.Length;
        var arg = 0;
        var best = float.NegativeInfinity;
        for (var c = 0; c < n; c++)
        {
            var x = candidates.Slice(c * d, d);
            // xᵀSx with Sx kept in registers (QuadraticForm): no allocation, S streamed from L1.
            var variance = Math.Max(0f, QuadraticForm.Evaluate(covariance, x));
            var ucb = TensorPrimitives.Dot(phi, x) + alpha * MathF.Sqrt(variance);
            if (ucb > best) { best = ucb; arg = c; }
        }
        return arg;
    }

    /// <summary>xᵀ S x (≥ 0), computing y = S x as a sum of rows (S is symmetric); <paramref name="y"/> is scratch of length d.</summary>
    public static float Variance(ReadOnlySpan<float> covariance, ReadOnlySpan<float> x, Span<float> y)
    {
        var d = x.Length;
        y = y[..d];
        y.Clear();
        for (var j = 0; j < d; j++)
            if (x[j] != 0) TensorPrimitives.MultiplyAdd(covariance.Slice(j * d, d), x[j], y, y);
        return Math.Max(0f, TensorPrimitives.Dot(x, y));
    }
}
