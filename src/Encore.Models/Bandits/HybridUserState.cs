using System.Numerics.Tensors;

namespace Encore.Models.Bandits;

/// <summary>
/// The per-user part of <see cref="HybridLinUcb"/> (Li et al. 2010, Algorithm 2, with the user as the arm and
/// z = x): A_u⁻¹ (d x d, Sherman–Morrison) and b_u = Σ r x. B_u = Σ x zᵀ is not stored: with z = x it equals
/// A_u − λI. Also the scoring view φ and S (see <see cref="HybridLinUcb"/>), cached for the shared state's
/// version it was built on.
/// </summary>
internal sealed class HybridUserState
{
    public HybridUserState(int d, double regularization)
    {
        Dimension = d;
        Inverse = new double[d * d];
        for (var i = 0; i < d; i++) Inverse[i * d + i] = 1 / regularization;
        B = new double[d];
        PhiF = new float[d];
        CovarianceF = new float[d * d];
    }

    public int Dimension { get; }

    /// <summary>A_u⁻¹, row-major d x d (symmetric).</summary>
    public double[] Inverse { get; }

    /// <summary>b_u = Σ r x.</summary>
    public double[] B { get; }

    public long Updates { get; private set; }

    public float[] PhiF { get; }

    public float[] CovarianceF { get; }

    /// <summary>Shared-state version the cached φ and S were computed for (-1 = never).</summary>
    public long Version { get; set; } = -1;

    /// <summary>
    /// Absorbs (x, r): A_u⁻¹ ← A_u⁻¹ − w wᵀ / (1 + xᵀw) with w = A_u⁻¹x (Sherman–Morrison), b_u += r x. O(d²), no allocation.
    /// </summary>
    /// <param name="x">The observed track vector (d).</param>
    /// <param name="reward">The observed reward.</param>
    /// <param name="w">Scratch of length d; receives w = A_u⁻¹x (before the update).</param>
    /// <returns>s = xᵀA_u⁻¹x before the update (≥ 0).</returns>
    public double Absorb(ReadOnlySpan<float> x, double reward, Span<double> w)
    {
        var d = Dimension;
        w = w[..d];
        Multiply(Inverse, x, w);
        double s = 0;
        for (var i = 0; i < d; i++) s += x[i] * w[i];
        s = Math.Max(s, 0);
        var denominator = 1 + s;
        for (var i = 0; i < d; i++)
        {
            if (w[i] == 0) continue;
            TensorPrimitives.MultiplyAdd(w, -w[i] / denominator, Inverse.AsSpan(i * d, d), Inverse.AsSpan(i * d, d));
        }
        for (var i = 0; i < d; i++) B[i] += reward * x[i];
        Updates++;
        return s;
    }

    /// <summary>y = A_u⁻¹ v (A_u⁻¹ symmetric, so a sum of its rows). O(d²).</summary>
    public void Multiply(ReadOnlySpan<double> v, Span<double> y) => Multiply(Inverse, v, y);

    private static void Multiply(double[] matrix, ReadOnlySpan<float> v, Span<double> y)
    {
        var d = y.Length;
        for (var i = 0; i < d; i++) y[i] = 0;
        for (var j = 0; j < d; j++)
            if (v[j] != 0) TensorPrimitives.MultiplyAdd(matrix.AsSpan(j * d, d), (double)v[j], y, y);
    }

    private static void Multiply(double[] matrix, ReadOnlySpan<double> v, Span<double> y)
    {
        var d = y.Length;
        y.Clear();
        for (var j = 0; j < d; j++)
            if (v[j] != 0) TensorPrimitives.MultiplyAdd(matrix.AsSpan(j * d, d), v[j], y, y);
    }
}
