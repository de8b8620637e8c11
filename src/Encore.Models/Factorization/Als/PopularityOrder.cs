using Encore.Core.Sparse;

namespace Encore.Models.Factorization.Als;

/// <summary>
/// The row layout ALS fits in: users and items renumbered by descending number of stored entries (ties by id), so
/// the factor rows a half-step gathers most often (the popular items', the active users') sit together at the start
/// of the fixed factor matrix and share cache lines, pages and TLB entries, and each row's gathers walk the matrix
/// in address order. Both fit matrices are built in the new numbering once per fit (two O(nnz) counting passes);
/// factors are moved into it once before the first iteration and back once after the last. The fit's arithmetic is
/// unchanged except for the order of floating-point sums (a row's nonzeros, Y^T Y's rows), so factors agree with a
/// fit in the original numbering up to float rounding.
/// </summary>
internal sealed class PopularityOrder
{
    private PopularityOrder(int[] users, int[] items, CsrMatrix userItems, CsrMatrix itemUsers)
    {
        Users = users;
        Items = items;
        UserItems = userItems;
        ItemUsers = itemUsers;
    }

    /// <summary>Users in fit order: Users[new] = original user id (length = rows of the input).</summary>
    public int[] Users { get; }

    /// <summary>Items in fit order: Items[new] = original item id (length = columns of the input).</summary>
    public int[] Items { get; }

    /// <summary>The input (users x items) with rows and columns renumbered; column indices sorted in each row.</summary>
    public CsrMatrix UserItems { get; }

    /// <summary>The transpose of <see cref="UserItems"/> (items x users, renumbered).</summary>
    public CsrMatrix ItemUsers { get; }

    /// <summary>Renumbers <paramref name="userItems"/> (users x items, any values) by descending row and column counts.</summary>
    public static PopularityOrder Of(CsrMatrix userItems)
    {
        var users = ByDescendingCount(RowCounts(userItems));
        var itemCounts = new int[userItems.Columns];
        foreach (var c in userItems.ColumnIndices) itemCounts[c]++;
        var items = ByDescendingCount(itemCounts);
        var itemUsers = RenumberedTranspose(userItems, users, Inverse(items));
        return new PopularityOrder(users, items, itemUsers.Transpose(), itemUsers);
    }

    /// <summary>
    /// Rows of a row-major factor matrix (rows x <paramref name="d"/>) moved into fit order:
    /// result[new] = factors[order[new]].
    /// </summary>
    public static float[] ToFitOrder(float[] factors, int[] order, int d)
    {
        var result = new float[factors.Length];
        for (var r = 0; r < order.Length; r++) factors.AsSpan(order[r] * d, d).CopyTo(result.AsSpan(r * d, d));
        return result;
    }

    /// <summary>The inverse of <see cref="ToFitOrder"/>: result[order[new]] = factors[new].</summary>
    public static float[] ToOriginalOrder(float[] factors, int[] order, int d)
    {
        var result = new float[factors.Length];
        for (var r = 0; r < order.Length; r++) factors.AsSpan(r * d, d).CopyTo(result.AsSpan(order[r] * d, d));
        return result;
    }

    private static int[] RowCounts(CsrMatrix matrix)
    {
        var counts = new int[matrix.Rows];
        for (var r = 0; r < counts.Length; r++) counts[r] = matrix.RowLength(r);
        return counts;
    }

    // Ids sorted by descending count, ties by ascending id (a stable counting sort: deterministic, O(n + max count)).
    internal static int[] ByDescendingCount(int[] counts)
    {
        var max = 0;
        foreach (var c in counts) max = Math.Max(max, c);
        var starts = new int[max + 2];
        foreach (var c in counts) starts[max - c + 1]++;
        for (var k = 1; k < starts.Length; k++) starts[k] += starts[k - 1];
        var order = new int[counts.Length];
        for (var id = 0; id < counts.Length; id++) order[starts[max - counts[id]]++] = id;
        return order;
    }

    private static int[] Inverse(int[] order)
    {
        var inverse = new int[order.Length];
        for (var r = 0; r < order.Length; r++) inverse[order[r]] = r;
        return inverse;
    }

    // items x users in the new numbering: old users visited in new order, so each output row's user ids ascend.
    private static CsrMatrix RenumberedTranspose(CsrMatrix userItems, int[] users, int[] newItem)
    {
        var offsets = new int[userItems.Columns + 1];
        foreach (var c in userItems.ColumnIndices) offsets[newItem[c] + 1]++;
        for (var i = 0; i < userItems.Columns; i++) offsets[i + 1] += offsets[i];
        var cursor = offsets[..^1];
        var columns = new int[userItems.NonZeros];
        var values = new float[userItems.NonZeros];
        for (var u = 0; u < users.Length; u++)
        {
            var indices = userItems.RowIndices(users[u]);
            var rowValues = userItems.RowValues(users[u]);
            for (var k = 0; k < indices.Length; k++)
            {
                var at = cursor[newItem[indices[k]]]++;
                columns[at] = u;
                values[at] = rowValues[k];
            }
        }
        return new CsrMatrix(userItems.Columns, userItems.Rows, offsets, columns, values);
    }
}
