using Encore.Core.Sparse;

namespace Encore.Models.Tests.Ease;

/// <summary>EASE from its definition, in double precision, for tests.</summary>
internal static class EaseReference
{
    // B = I - P diag(1 / diag(P)), P = (X^T X + lambda I)^-1 by Gauss-Jordan elimination with partial pivoting.
    public static double[,] Weights(CsrMatrix x, double lambda)
    {
        var n = x.Columns;
        var g = new double[n, 2 * n];
        for (var u = 0; u < x.Rows; u++)
        {
            var items = x.RowIndices(u);
            var values = x.RowValues(u);
            for (var p = 0; p < items.Length; p++)
                for (var q = 0; q < items.Length; q++) g[items[p], items[q]] += values[p] * values[q];
        }
        for (var i = 0; i < n; i++)
        {
            g[i, i] += lambda;
            g[i, n + i] = 1;
        }
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < n; r++) if (Math.Abs(g[r, c]) > Math.Abs(g[pivot, c])) pivot = r;
            for (var k = 0; k < 2 * n; k++) (g[c, k], g[pivot, k]) = (g[pivot, k], g[c, k]);
            var d = g[c, c];
            for (var k = 0; k < 2 * n; k++) g[c, k] /= d;
            for (var r = 0; r < n; r++)
            {
                if (r == c) continue;
                var f = g[r, c];
                for (var k = 0; k < 2 * n; k++) g[r, k] -= f * g[c, k];
            }
        }
        var b = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) b[i, j] = i == j ? 0 : -g[i, n + j] / g[j, n + j];
        return b;
    }
}
