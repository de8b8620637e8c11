namespace Encore.Models.Bandits;

/// <summary>Small dense Cholesky A = L Lᵀ (row-major, lower triangle written, upper zeroed), with a tiny diagonal jitter for round-off.</summary>
internal static class Cholesky
{
    public static void FactorLowerInPlace(double[] a, int n)
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
}
