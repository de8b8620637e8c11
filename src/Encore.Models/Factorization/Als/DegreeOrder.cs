using Encore.Core.Sparse;

namespace Encore.Models.Factorization.Als;

// EXPERIMENT (session 21): users and items renumbered by descending degree for the gathers' locality.
internal static class DegreeOrder
{
    public static bool Enabled => Environment.GetEnvironmentVariable("ENCORE_X_PERMUTE") == "1";

    // new -> old, by descending row length (ties by old index).
    public static int[] Order(CsrMatrix m)
    {
        var order = Enumerable.Range(0, m.Rows).ToArray();
        var keys = new long[m.Rows];
        for (var r = 0; r < m.Rows; r++) keys[r] = ((long)(int.MaxValue - m.RowLength(r)) << 32) | (uint)r;
        Array.Sort(keys, order);
        return order;
    }

    public static int[] Inverse(int[] order)
    {
        var inverse = new int[order.Length];
        for (var i = 0; i < order.Length; i++) inverse[order[i]] = i;
        return inverse;
    }

    public static CsrMatrix Permute(CsrMatrix m, int[] rowOrder, int[] columnNew)
    {
        var offsets = new int[m.Rows + 1];
        var columns = new int[m.NonZeros];
        var values = new float[m.NonZeros];
        var at = 0;
        for (var r = 0; r < m.Rows; r++)
        {
            var old = rowOrder[r];
            var idx = m.RowIndices(old);
            var val = m.RowValues(old);
            for (var k = 0; k < idx.Length; k++)
            {
                columns[at + k] = columnNew[idx[k]];
                values[at + k] = val[k];
            }
            Array.Sort(columns, values, at, idx.Length);
            at += idx.Length;
            offsets[r + 1] = at;
        }
        return new CsrMatrix(m.Rows, m.Columns, offsets, columns, values);
    }

    public static float[] Rows(float[] factors, int[] order, int d)
    {
        var result = new float[factors.Length];
        for (var r = 0; r < order.Length; r++) factors.AsSpan(order[r] * d, d).CopyTo(result.AsSpan(r * d, d));
        return result;
    }

    public static float[] Unpermute(float[] factors, int[] order, int d)
    {
        var result = new float[factors.Length];
        for (var r = 0; r < order.Length; r++) factors.AsSpan(r * d, d).CopyTo(result.AsSpan(order[r] * d, d));
        return result;
    }
}
