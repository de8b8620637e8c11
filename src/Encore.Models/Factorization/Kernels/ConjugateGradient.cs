using System.Numerics.Tensors;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// A few conjugate-gradient steps on one row's Hu-Koren-Volinsky system, warm-started from the current
/// factors (Takacs et al. 2011, as implicit does). A x is formed as (Y^T Y + lambda I) x plus the row's
/// nonzeros, never materialising A. Scratch vectors come from the caller: nothing is allocated here.
/// </summary>
internal static class ConjugateGradient
{
    private const float Tolerance = 1e-20f;

    public static void Solve(ReadOnlySpan<float> regularizedGram, ReadOnlySpan<float> factors, int d,
        ReadOnlySpan<int> indices, ReadOnlySpan<float> values, float alpha, int steps,
        Span<float> x, Span<float> r, Span<float> p, Span<float> ap)
    {
        // r = b - A x
        SymmetricMatVec(regularizedGram, x, r, d);
        TensorPrimitives.Negate(r, r);
        for (var k = 0; k < indices.Length; k++)
        {
            var y = factors.Slice(indices[k] * d, d);
            var c = WeightedRidge.Confidence(values[k], alpha);
            var coefficient = c * WeightedRidge.Preference(values[k]) - (c - 1f) * TensorPrimitives.Dot(y, x);
            TensorPrimitives.MultiplyAdd(y, coefficient, r, r);
        }
        r.CopyTo(p);
        var rsOld = TensorPrimitives.Dot(r, r);
        if (rsOld < Tolerance) return;

        for (var step = 0; step < steps; step++)
        {
            SymmetricMatVec(regularizedGram, p, ap, d);
            for (var k = 0; k < indices.Length; k++)
            {
                var y = factors.Slice(indices[k] * d, d);
                var extra = WeightedRidge.Confidence(values[k], alpha) - 1f;
                if (extra != 0) TensorPrimitives.MultiplyAdd(y, extra * TensorPrimitives.Dot(y, p), ap, ap);
            }
            var a = rsOld / TensorPrimitives.Dot(p, ap);
            TensorPrimitives.MultiplyAdd(p, a, x, x);
            TensorPrimitives.MultiplyAdd(ap, -a, r, r);
            var rsNew = TensorPrimitives.Dot(r, r);
            if (rsNew < Tolerance) break;
            TensorPrimitives.MultiplyAdd(p, rsNew / rsOld, r, p);
            rsOld = rsNew;
        }
    }

    /// <summary>y = M v for a symmetric row-major d x d matrix (row-wise dot products).</summary>
    public static void SymmetricMatVec(ReadOnlySpan<float> m, ReadOnlySpan<float> v, Span<float> y, int d)
    {
        for (var row = 0; row < d; row++) y[row] = TensorPrimitives.Dot(m.Slice(row * d, d), v);
    }
}
