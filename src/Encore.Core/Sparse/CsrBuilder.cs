using Encore.Core.Errors;
using Encore.Core.Parallelism;

namespace Encore.Core.Sparse;

/// <summary>
/// Triples to CSR in two counting passes (stable bucket by row), then an in-row sort by column (rows split among
/// the cores for a large input) and a merge of duplicates. Peak memory is the input plus one copy of (column, value)
/// per triple.
/// </summary>
internal static class CsrBuilder
{
    /// <summary>Entries from which the in-row sorts run on all cores (rows are independent, so the result is the same).</summary>
    internal const int ParallelSortMinEntries = 1 << 17;

    public static CsrMatrix Build(int rows, int columns, ReadOnlySpan<int> rowIdx, ReadOnlySpan<int> colIdx,
        ReadOnlySpan<float> values, DuplicatePolicy duplicates) =>
        Build(rows, columns, rowIdx, colIdx, values, duplicates, degreeOfParallelism: 0, ParallelSortMinEntries);

    /// <summary><see cref="Build(int, int, ReadOnlySpan{int}, ReadOnlySpan{int}, ReadOnlySpan{float}, DuplicatePolicy)"/>
    /// with the sorting workers (0 = all cores) and the size from which they are used set by the caller (tests).</summary>
    internal static CsrMatrix Build(int rows, int columns, ReadOnlySpan<int> rowIdx, ReadOnlySpan<int> colIdx,
        ReadOnlySpan<float> values, DuplicatePolicy duplicates, int degreeOfParallelism, int parallelMinEntries)
    {
        Guard.NonNegative(rows);
        Guard.NonNegative(columns);
        Guard.SameLength(rowIdx.Length, colIdx.Length, "row and column indices");
        Guard.SameLength(rowIdx.Length, values.Length, "row indices and values");
        var n = rowIdx.Length;

        var offsets = new int[rows + 1];
        for (var i = 0; i < n; i++)
        {
            var r = rowIdx[i];
            if ((uint)r >= (uint)rows) ThrowHelper.IndexOutOfRange("row", r, rows);
            if ((uint)colIdx[i] >= (uint)columns) ThrowHelper.IndexOutOfRange("column", colIdx[i], columns);
            offsets[r + 1]++;
        }
        for (var r = 0; r < rows; r++) offsets[r + 1] += offsets[r];

        var cursor = new int[rows];
        Array.Copy(offsets, cursor, rows);
        var cols = new int[n];
        var vals = new float[n];
        for (var i = 0; i < n; i++)
        {
            var dst = cursor[rowIdx[i]]++;
            cols[dst] = colIdx[i];
            vals[dst] = values[i];
        }
        cursor = null;

        // Sort each row by column; a stable sort keeps input order among duplicates, which Last needs.
        bool needsCompaction;
        if (n < parallelMinEntries || ParallelLoop.Workers(degreeOfParallelism) < 2)
        {
            needsCompaction = SortRows(offsets, cols, vals, 0, rows);
        }
        else
        {
            var duplicate = 0;
            ParallelLoop.For(rows, degreeOfParallelism, (from, to) =>
            {
                if (SortRows(offsets, cols, vals, from, to)) Volatile.Write(ref duplicate, 1);
            });
            needsCompaction = duplicate != 0;
        }
        if (!needsCompaction) return new CsrMatrix(rows, columns, offsets, cols, vals, trusted: true);
        return Compact(rows, columns, offsets, cols, vals, duplicates);
    }

    // Sorts rows [from, to) by column in place (stable); true when one of them holds a column twice.
    private static bool SortRows(int[] offsets, int[] cols, float[] vals, int from, int to)
    {
        var needsCompaction = false;
        var keys = Array.Empty<long>();
        for (var r = from; r < to; r++)
        {
            var start = offsets[r];
            var len = offsets[r + 1] - start;
            if (len < 2) continue;
            var rowCols = cols.AsSpan(start, len);
            if (IsStrictlyIncreasing(rowCols)) continue;
            if (len <= InsertionSortMaxRow)
            {
                needsCompaction |= InsertionSort(rowCols, vals.AsSpan(start, len));
            }
            else
            {
                if (keys.Length < len) keys = new long[Math.Max(len, keys.Length * 2)];
                // Composite key (column, input position) makes the unstable Array.Sort stable.
                var k = keys.AsSpan(0, len);
                for (var j = 0; j < len; j++) k[j] = ((long)rowCols[j] << 32) | (uint)j;
                k.Sort(vals.AsSpan(start, len));
                for (var j = 0; j < len; j++) rowCols[j] = (int)(k[j] >> 32);
                for (var j = 1; j < len && !needsCompaction; j++) needsCompaction = rowCols[j] == rowCols[j - 1];
            }
        }
        return needsCompaction;
    }

    /// <summary>Rows up to this length are sorted by a direct insertion sort (no key array, no comparer): most rows
    /// of an interaction matrix are short, and the general sort's setup cost dominated their sorting.</summary>
    internal const int InsertionSortMaxRow = 48;

    /// <summary>Stable insertion sort of (column, value) by column; true when two equal columns end up adjacent.</summary>
    internal static bool InsertionSort(Span<int> cols, Span<float> vals)
    {
        var duplicate = false;
        for (var i = 1; i < cols.Length; i++)
        {
            var (c, v) = (cols[i], vals[i]);
            var j = i - 1;
            // Strictly greater moves right: an equal column stays after the earlier one (input order).
            while (j >= 0 && cols[j] > c)
            {
                cols[j + 1] = cols[j];
                vals[j + 1] = vals[j];
                j--;
            }
            cols[j + 1] = c;
            vals[j + 1] = v;
            duplicate |= j >= 0 && cols[j] == c;
        }
        return duplicate;
    }

    private static bool IsStrictlyIncreasing(ReadOnlySpan<int> s)
    {
        for (var i = 1; i < s.Length; i++)
            if (s[i] <= s[i - 1]) return false;
        return true;
    }

    private static CsrMatrix Compact(int rows, int columns, int[] offsets, int[] cols, float[] vals, DuplicatePolicy duplicates)
    {
        var write = 0;
        var newOffsets = new int[rows + 1];
        for (var r = 0; r < rows; r++)
        {
            var start = offsets[r];
            var end = offsets[r + 1];
            for (var p = start; p < end; p++)
            {
                if (write > newOffsets[r] && cols[write - 1] == cols[p])
                {
                    vals[write - 1] = duplicates switch
                    {
                        DuplicatePolicy.Sum => vals[write - 1] + vals[p],
                        DuplicatePolicy.Max => Math.Max(vals[write - 1], vals[p]),
                        _ => vals[p],
                    };
                }
                else
                {
                    cols[write] = cols[p];
                    vals[write] = vals[p];
                    write++;
                }
            }
            newOffsets[r + 1] = write;
        }
        // Shrinking copies both arrays while the originals are alive (2x peak); keep a little slack instead.
        if (write < cols.Length - cols.Length / 8)
        {
            Array.Resize(ref cols, write);
            Array.Resize(ref vals, write);
        }
        return new CsrMatrix(rows, columns, newOffsets, cols, vals, trusted: true);
    }
}
