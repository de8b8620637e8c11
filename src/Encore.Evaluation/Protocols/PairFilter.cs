using Encore.Core.Sparse;

namespace Encore.Evaluation.Protocols;

/// <summary>Entry-level filters of held-out matrices (score threshold, pairs already in training).</summary>
internal static class PairFilter
{
    /// <summary>Entries with value >= <paramref name="threshold"/> whose (row, column) is not stored in <paramref name="seen"/>.</summary>
    public static CsrMatrix RelevantUnseen(CsrMatrix heldOut, CsrMatrix seen, float threshold)
    {
        var rows = new List<int>();
        var columns = new List<int>();
        var values = new List<float>();
        for (var u = 0; u < heldOut.Rows; u++)
        {
            var items = heldOut.RowIndices(u);
            var scores = heldOut.RowValues(u);
            var known = u < seen.Rows ? seen.RowIndices(u) : [];
            for (var p = 0; p < items.Length; p++)
            {
                if (!(scores[p] >= threshold) || known.BinarySearch(items[p]) >= 0) continue;
                rows.Add(u);
                columns.Add(items[p]);
                values.Add(scores[p]);
            }
        }
        return CsrMatrix.FromTriples(heldOut.Rows, heldOut.Columns, rows.ToArray(), columns.ToArray(), values.ToArray());
    }

    /// <summary>Entries with value >= <paramref name="threshold"/>, repeats of training pairs kept (same shape).</summary>
    public static CsrMatrix AtLeast(CsrMatrix heldOut, float threshold) => RelevantUnseen(heldOut, Empty(heldOut.Rows, heldOut.Columns), threshold);

    private static CsrMatrix Empty(int rows, int columns) => CsrMatrix.FromTriples(rows, columns, [], [], []);

    /// <summary>Number of stored entries of <paramref name="heldOut"/> that <paramref name="seen"/> does not store.</summary>
    public static int CountUnseen(CsrMatrix heldOut, CsrMatrix seen)
    {
        var count = 0;
        for (var u = 0; u < heldOut.Rows; u++)
        {
            var known = u < seen.Rows ? seen.RowIndices(u) : [];
            foreach (var item in heldOut.RowIndices(u))
                if (known.BinarySearch(item) < 0) count++;
        }
        return count;
    }

    public static int UsersWithEntries(CsrMatrix m)
    {
        var count = 0;
        for (var u = 0; u < m.Rows; u++)
            if (m.RowLength(u) > 0) count++;
        return count;
    }
}
