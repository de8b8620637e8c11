using Encore.Core.Sparse;

namespace Encore.Models.Factorization.Bpr;

/// <summary>
/// Items relabelled by descending popularity for the span of a fit, so that "one of the H most popular items" is the test
/// <c>item &lt; H</c> (<see cref="BprItemCopies"/>): no per-item table is read on the step's path (a first build that looked
/// each item's slot up in a table cost +20% fit CPU on HetRec, the table read stalling the draw).
/// </summary>
internal static class BprItemOrder
{
    /// <summary>
    /// Every item by descending <paramref name="counts"/> (the nonzeros of each column: <see cref="CsrMatrix.ColumnCounts"/>),
    /// ties by ascending index: entry r is the original index of the item relabelled r.
    /// </summary>
    public static int[] ByPopularity(int[] counts)
    {
        var items = new int[counts.Length];
        for (var j = 0; j < items.Length; j++) items[j] = j;
        Array.Sort(items, (a, b) => counts[a] != counts[b] ? counts[b].CompareTo(counts[a]) : a.CompareTo(b));
        return items;
    }

    /// <summary>
    /// The column indices of <paramref name="matrix"/> under the labels of <paramref name="originalOf"/> (item r = original
    /// originalOf[r]), each row sorted ascending again (the negative check searches the row). Same offsets; nnz ints.
    /// </summary>
    public static int[] Relabel(CsrMatrix matrix, int[] originalOf)
    {
        var labelOf = new int[originalOf.Length];
        for (var r = 0; r < originalOf.Length; r++) labelOf[originalOf[r]] = r;
        var columns = GC.AllocateUninitializedArray<int>(matrix.NonZeros, pinned: true);
        var source = matrix.ColumnIndices;
        for (var k = 0; k < columns.Length; k++) columns[k] = labelOf[source[k]];
        for (var u = 0; u < matrix.Rows; u++) columns.AsSpan(matrix.Offsets[u], matrix.RowLength(u)).Sort();
        return columns;
    }
}
