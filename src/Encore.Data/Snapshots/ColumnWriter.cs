using Parquet;
using Parquet.Schema;

namespace Encore.Data.Snapshots;

/// <summary>
/// Writes one column of one row group from a slice of an in-memory column: plain values, values whose sentinel
/// becomes null, strings, and CSR int lists / fixed-width float rows as Parquet lists.
/// </summary>
internal static class ColumnWriter
{
    public static Task Plain<T>(ParquetRowGroupWriter group, DataField field, T[] data, int start, int count)
        where T : struct =>
        group.WriteAsync<T>(field, data.AsMemory(start, count));

    /// <summary>Writes rows equal to <paramref name="sentinel"/> as null (readers see NULL, not -1 / long.MinValue).</summary>
    public static Task WithNulls<T>(ParquetRowGroupWriter group, DataField field, T[] data, int start, int count, T sentinel)
        where T : struct, IEquatable<T>
    {
        var definition = new int[count];
        var values = new T[count];
        var defined = 0;
        for (var i = 0; i < count; i++)
        {
            var v = data[start + i];
            if (v.Equals(sentinel)) continue;
            definition[i] = 1;
            values[defined++] = v;
        }
        return group.WriteAllPartsAsync<T>(field, values.AsMemory(0, defined), definition, null, CancellationToken.None);
    }

    public static Task Strings(ParquetRowGroupWriter group, DataField field, string?[] data, int start, int count) =>
        group.WriteAsync(field, new ArraySegment<string>(data!, start, count));

    /// <summary>Rows [start, start+count) of a CSR list column as list&lt;int&gt;; an empty entry is an empty list.</summary>
    public static Task IntList(ParquetRowGroupWriter group, DataField item, int[] offsets, int[] values, int start, int count)
    {
        var first = offsets[start];
        var levels = 0;
        for (var r = start; r < start + count; r++) levels += Math.Max(1, offsets[r + 1] - offsets[r]);
        var definition = new int[levels];
        var repetition = new int[levels];
        var at = 0;
        for (var r = start; r < start + count; r++)
        {
            var n = offsets[r + 1] - offsets[r];
            if (n == 0) { definition[at++] = 1; continue; }
            for (var j = 0; j < n; j++)
            {
                definition[at] = 2;
                repetition[at++] = j == 0 ? 0 : 1;
            }
        }
        return group.WriteAllPartsAsync<int>(item, values.AsMemory(first, offsets[start + count] - first), definition, repetition, CancellationToken.None);
    }

    /// <summary>Row-major rows of width <paramref name="width"/> as list&lt;float&gt;; an all-NaN row is a null list.</summary>
    public static Task FloatRows(ParquetRowGroupWriter group, DataField item, float[] data, int width, int start, int count)
    {
        var definition = new List<int>(count * width);
        var repetition = new List<int>(count * width);
        var values = new List<float>(count * width);
        for (var r = start; r < start + count; r++)
        {
            var row = data.AsSpan(r * width, width);
            if (AllNaN(row)) { definition.Add(0); repetition.Add(0); continue; }
            for (var j = 0; j < width; j++)
            {
                definition.Add(2);
                repetition.Add(j == 0 ? 0 : 1);
                values.Add(row[j]);
            }
        }
        return group.WriteAllPartsAsync<float>(item, values.ToArray(), definition.ToArray(), repetition.ToArray(), CancellationToken.None);
    }

    private static bool AllNaN(ReadOnlySpan<float> row)
    {
        foreach (var v in row)
            if (!float.IsNaN(v)) return false;
        return true;
    }
}
