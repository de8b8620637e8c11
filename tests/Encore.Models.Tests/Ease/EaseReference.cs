using Encore.Core.Sparse;

namespace Encore.Models.Tests.Ease;

/// <summary>EASE from its definition, in double precision, for tests.</summary>
internal static class EaseReference
{
    // B = I - P diag(1 / diag(P)), P = (X^T X + lambda I)^-1 by Gauss-Jordan elimination with partial pivoting.
    public static double[,] Weights(CsrMatrix x, double lambda) => Denoising(x, lambda, 0, zeroDiagonal: true);

    // Steck (2020), from the definition: G = X^T X, Lambda = lambda I + p / (1 - p) diag(G), A = G + Lambda.
    // Zero diagonal (EDLAE): P = A^-1, B = I - P diag(1 / diag(P)) with B[j][j] = 0. Free diagonal (DLAE): B = A^-1 G,
    // solved directly (not through I - P Lambda), diagonal reported as 0 as the trainer stores it.
    public static double[,] Denoising(CsrMatrix x, double lambda, double dropout, bool zeroDiagonal)
    {
        var n = x.Columns;
        var g = new double[n, n];
        for (var u = 0; u < x.Rows; u++)
        {
            var items = x.RowIndices(u);
            var values = x.RowValues(u);
            for (var p = 0; p < items.Length; p++)
                for (var q = 0; q < items.Length; q++) g[items[p], items[q]] += values[p] * values[q];
        }
        var a = (double[,])g.Clone();
        for (var i = 0; i < n; i++) a[i, i] += lambda + dropout / (1 - dropout) * g[i, i];
        var identity = new double[n, n];
        for (var i = 0; i < n; i++) identity[i, i] = 1;
        var b = new double[n, n];
        if (zeroDiagonal)
        {
            var p = Solve(a, identity);
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++) b[i, j] = i == j ? 0 : -p[i, j] / p[j, j];
        }
        else
        {
            var s = Solve(a, g);
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++) b[i, j] = i == j ? 0 : s[i, j];
        }
        return b;
    }

    // A^-1 R by Gauss-Jordan elimination with partial pivoting on [A | R].
    private static double[,] Solve(double[,] a, double[,] r)
    {
        var n = a.GetLength(0);
        var m = new double[n, 2 * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                m[i, j] = a[i, j];
                m[i, n + j] = r[i, j];
            }
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var row = c + 1; row < n; row++) if (Math.Abs(m[row, c]) > Math.Abs(m[pivot, c])) pivot = row;
            for (var k = 0; k < 2 * n; k++) (m[c, k], m[pivot, k]) = (m[pivot, k], m[c, k]);
            var d = m[c, c];
            for (var k = 0; k < 2 * n; k++) m[c, k] /= d;
            for (var row = 0; row < n; row++)
            {
                if (row == c) continue;
                var f = m[row, c];
                for (var k = 0; k < 2 * n; k++) m[row, k] -= f * m[c, k];
            }
        }
        var result = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) result[i, j] = m[i, n + j];
        return result;
    }
}
