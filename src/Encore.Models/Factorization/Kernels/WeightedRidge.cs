using System.Numerics.Tensors;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// The Hu-Koren-Volinsky normal equations of one row: A = (Y^T Y + lambda I) + sum_i (c_i - 1) y_i y_i^T and
/// b = sum_i c_i p_i y_i, with confidence c = 1 + alpha |r| and preference p = 1 if r > 0 (else 0).
/// Only the row's nonzeros are touched: Y^T Y + lambda I comes precomputed.
/// </summary>
internal static class WeightedRidge
{
    public static float Confidence(float value, float alpha) => 1f + alpha * MathF.Abs(value);

    public static float Preference(float value) => value > 0 ? 1f : 0f;

    public static void Build(ReadOnlySpan<float> regularizedGram, ReadOnlySpan<float> factors, int d,
        ReadOnlySpan<int> indices, ReadOnlySpan<float> values, float alpha, Span<float> a, Span<float> b) =>
        Build(regularizedGram, factors, d, d, indices, values, alpha, a, b);

    /// <summary>As above, using the leading <paramref name="d"/> entries of factor rows <paramref name="stride"/> floats apart.</summary>
    public static void Build(ReadOnlySpan<float> regularizedGram, ReadOnlySpan<float> factors, int d, int stride,
        ReadOnlySpan<int> indices, ReadOnlySpan<float> values, float alpha, Span<float> a, Span<float> b)
    {
        regularizedGram.CopyTo(a);
        b.Clear();
        for (var k = 0; k < indices.Length; k++)
        {
            var y = factors.Slice(indices[k] * stride, d);
            var c = Confidence(values[k], alpha);
            var extra = c - 1f;
            if (extra != 0)
                for (var row = 0; row < d; row++)
                    TensorPrimitives.MultiplyAdd(y, extra * y[row], a.Slice(row * d, d), a.Slice(row * d, d));
            TensorPrimitives.MultiplyAdd(y, c * Preference(values[k]), b, b);
        }
    }

    /// <summary>Solves the row exactly into <paramref name="x"/>; false when the system is not positive definite.</summary>
    public static bool SolveExact(ReadOnlySpan<float> regularizedGram, ReadOnlySpan<float> factors, int d,
        ReadOnlySpan<int> indices, ReadOnlySpan<float> values, float alpha, Span<float> a, Span<float> x) =>
        SolveExact(regularizedGram, factors, d, d, indices, values, alpha, a, x);

    public static bool SolveExact(ReadOnlySpan<float> regularizedGram, ReadOnlySpan<float> factors, int d, int stride,
        ReadOnlySpan<int> indices, ReadOnlySpan<float> values, float alpha, Span<float> a, Span<float> x) =>
        SolveExact(regularizedGram, factors, d, stride, indices, values, alpha, [], a, x);

    /// <summary>As above with <paramref name="rhsShift"/> added to b (empty: none; social ALS's sigma * mean of the friends' factors).</summary>
    public static bool SolveExact(ReadOnlySpan<float> regularizedGram, ReadOnlySpan<float> factors, int d, int stride,
        ReadOnlySpan<int> indices, ReadOnlySpan<float> values, float alpha, ReadOnlySpan<float> rhsShift, Span<float> a, Span<float> x)
    {
        Build(regularizedGram, factors, d, stride, indices, values, alpha, a, x);
        if (!rhsShift.IsEmpty) TensorPrimitives.Add(x, rhsShift, x);
        if (!DenseCholesky.Factor(a, d))
        {
            x.Fill(float.NaN);
            return false;
        }
        DenseCholesky.Solve(a, d, x);
        return true;
    }
}
