namespace Encore.Models.Bandits;

/// <summary>Small dense Cholesky A = L Lᵀ (row-major, lower triangle written, upper zeroed), with a tiny diagonal jitter for round-off.</summary>
internal static class Cholesky
{
    public static void FactorLowerInPlace(Span<double> a, int n)
    {
        for (var j = 0; j < n; j++)
        {
            var diagonal = a[j * n + j];
            for (var k = 0; k < j; k++) diagonal -= a[j * n + k] * a[j * n + k];
            var l = Math.Sqrt(Math.Max(diagonal, 1e-12));
            a[j * n + j] = l;
            for (var i = j + 1; i < n; i++)
            {
                var s = a[i * n + j];
                for (var k = 0; k < j; k++) s -= a[i * n + k] * a[j * n + k];
                a[i * n + j] = s / l;
            }
            for (var i = 0; i < j; i++) a[i * n + j] = 0;
        }
    }

    /// <summary>Inverse of a symmetric positive-definite n x n matrix (row-major) via A = L Lᵀ: solves L Lᵀ X = I column by column. O(n³).</summary>
    public static void InvertSpd(ReadOnlySpan<double> a, int n, double[] inverse)
    {
        var factor = a[..(n * n)].ToArray();
        FactorLowerInPlace(factor, n);
        var column = new double[n];
        for (var c = 0; c < n; c++)
        {
            // Forward: L y = e_c; backward: Lᵀ x = y.
            for (var i = 0; i < n; i++)
            {
                var s = i == c ? 1.0 : 0.0;
                for (var k = 0; k < i; k++) s -= factor[i * n + k] * column[k];
                column[i] = s / factor[i * n + i];
            }
            for (var i = n - 1; i >= 0; i--)
            {
                var s = column[i];
                for (var k = i + 1; k < n; k++) s -= factor[k * n + i] * column[k];
                column[i] = s / factor[i * n + i];
            }
            for (var i = 0; i < n; i++) inverse[i * n + c] = column[i];
        }
    }
}
