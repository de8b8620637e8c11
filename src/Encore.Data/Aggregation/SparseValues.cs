using Encore.Core.Sparse;

namespace Encore.Data.Aggregation;

/// <summary>Structural edits of a CSR matrix that Core does not offer.</summary>
internal static class SparseValues
{
    /// <summary>The matrix without stored zeros (returns the input when it has none).</summary>
    public static CsrMatrix DropZeros(CsrMatrix m) => Where(m, static v => v != 0f);

    /// <summary>Only the entries whose value passes <paramref name="keep"/>; structure otherwise kept.</summary>
    public static CsrMatrix Where(CsrMatrix m, Func<float, bool> keep)
    {
        var values = m.Values;
        var kept = 0;
        foreach (var v in values)
            if (keep(v)) kept++;
        if (kept == values.Length) return m;

        var offsets = new int[m.Rows + 1];
        var cols = new int[kept];
        var vals = new float[kept];
        var columns = m.ColumnIndices;
        var source = m.Offsets;
        var w = 0;
        for (var r = 0; r < m.Rows; r++)
        {
            for (var p = source[r]; p < source[r + 1]; p++)
            {
                if (!keep(values[p])) continue;
                cols[w] = columns[p];
                vals[w++] = values[p];
            }
            offsets[r + 1] = w;
        }
        return new CsrMatrix(m.Rows, m.Columns, offsets, cols, vals);
    }
}
