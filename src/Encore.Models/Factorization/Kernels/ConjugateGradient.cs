using System.Numerics.Tensors;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// A few conjugate-gradient steps on one row's Hu-Koren-Volinsky system, warm-started from the current
/// factors (Takacs et al. 2011, as implicit does). A v is formed by <see cref="RowProduct"/> as
/// (Y^T Y + lambda I) v plus the row's nonzeros, never materialising A. Scratch vectors come from the
/// caller: nothing is allocated here.
/// </summary>
internal static class ConjugateGradient
{
    /// <summary>Squared residual norm below which a row counts as solved.</summary>
    internal const float Tolerance = 1e-20f;

    public static void Solve(ReadOnlySpan<float> regularizedGram, ReadOnlySpan<float> factors, int d,
        ReadOnlySpan<int> indices, ReadOnlySpan<float> values, float alpha, int steps,
        Span<float> x, Span<float> r, Span<float> p, Span<float> ap) =>
        SolveShifted(regularizedGram, factors, d, indices, values, alpha, steps, [], x, r, p, ap);

    /// <summary>As above with <paramref name="rhsShift"/> added to the right-hand side b (empty: none; social ALS's sigma * mean of the friends' factors).</summary>
    public static void SolveShifted(ReadOnlySpan<float> regularizedGram, ReadOnlySpan<float> factors, int d,
        ReadOnlySpan<int> indices, ReadOnlySpan<float> values, float alpha, int steps, ReadOnlySpan<float> rhsShift,
        Span<float> x, Span<float> r, Span<float> p, Span<float> ap)
    {
        RowProduct.Residual(regularizedGram, factors, d, indices, values, alpha, x, r);
        if (!rhsShift.IsEmpty) TensorPrimitives.Add(r, rhsShift, r);
        r.CopyTo(p);
        var rsOld = CgUpdate.SquaredNorm(r, d);
        if (rsOld < Tolerance) return;

        for (var step = 0; step < steps; step++)
        {
            RowProduct.Multiply(regularizedGram, factors, d, indices, values, alpha, p, ap);
            var rsNew = CgUpdate.Step(p, ap, x, r, rsOld, d);
            if (rsNew < Tolerance) break;
            CgUpdate.Direction(r, p, rsNew / rsOld, d);
            rsOld = rsNew;
        }
    }

    /// <summary>y = M v for a symmetric row-major d x d matrix (row-wise dot products).</summary>
    public static void SymmetricMatVec(ReadOnlySpan<float> m, ReadOnlySpan<float> v, Span<float> y, int d)
    {
        for (var row = 0; row < d; row++) y[row] = TensorPrimitives.Dot(m.Slice(row * d, d), v);
    }
}
