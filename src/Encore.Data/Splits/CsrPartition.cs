using Encore.Core.Sparse;

namespace Encore.Data.Splits;

/// <summary>Splits a CSR matrix entry by entry into same-shape parts (part label per stored entry).</summary>
internal static class CsrPartition
{
    public static CsrMatrix[] Split(CsrMatrix m, byte[] partOfEntry, int parts)
    {
        var offsets = new int[parts][];
        var counts = new int[parts];
        for (var k = 0; k < parts; k++) offsets[k] = new int[m.Rows + 1];
        var source = m.Offsets;
        for (var r = 0; r < m.Rows; r++)
        {
            for (var p = source[r]; p < source[r + 1]; p++) counts[partOfEntry[p]]++;
            for (var k = 0; k < parts; k++) offsets[k][r + 1] = counts[k];
        }
        var cols = new int[parts][];
        var vals = new float[parts][];
        for (var k = 0; k < parts; k++)
        {
            cols[k] = new int[counts[k]];
            vals[k] = new float[counts[k]];
        }
        var fill = new int[parts];
        var columns = m.ColumnIndices;
        var values = m.Values;
        for (var p = 0; p < columns.Length; p++)
        {
            var k = partOfEntry[p];
            cols[k][fill[k]] = columns[p];
            vals[k][fill[k]++] = values[p];
        }
        var result = new CsrMatrix[parts];
        for (var k = 0; k < parts; k++) result[k] = new CsrMatrix(m.Rows, m.Columns, offsets[k], cols[k], vals[k]);
        return result;
    }
}
