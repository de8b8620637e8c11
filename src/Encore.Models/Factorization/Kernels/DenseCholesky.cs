namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// In-place Cholesky factorisation and solve of a small symmetric positive definite system (row-major
/// n x n, lower triangle used), accumulating in double. Used by the exact ALS solver, fold-in and
/// explanations.
/// </summary>
internal static class DenseCholesky
{
    /// <summary>Overwrites the lower triangle of <paramref name="a"/> with L (A = L L^T); false if A is not positive definite.</summary>
    public static bool Factor(Span<float> a, int n)
    {
        for (var j = 0; j < n; j++)
        {
            double diagonal = a[j * n + j];
            for (var k = 0; k < j; k++) diagonal -= (double)a[j * n + k] * a[j * n + k];
            if (!(diagonal > 0)) return false;
            var ljj = Math.Sqrt(diagonal);
            a[j * n + j] = (float)ljj;
            for (var i = j + 1; i < n; i++)
            {
                double s = a[i * n + j];
                for (var k = 0; k < j; k++) s -= (double)a[i * n + k] * a[j * n + k];
                a[i * n + j] = (float)(s / ljj);
            }
        }
        return true;
    }

    /// <summary>Solves L L^T x = b in place of <paramref name="b"/> with a factor from <see cref="Factor"/>.</summary>
    public static void Solve(ReadOnlySpan<float> l, int n, Span<float> b)
    {
        for (var i = 0; i < n; i++)
        {
            double s = b[i];
            for (var k = 0; k < i; k++) s -= (double)l[i * n + k] * b[k];
            b[i] = (float)(s / l[i * n + i]);
        }
        for (var i = n - 1; i >= 0; i--)
        {
            double s = b[i];
            for (var k = i + 1; k < n; k++) s -= (double)l[k * n + i] * b[k];
            b[i] = (float)(s / l[i * n + i]);
        }
    }
}
