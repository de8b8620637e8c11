using Encore.Core.Sparse;

namespace Encore.Models.Factorization.Bpr;

/// <summary>
/// The hot set of the <see cref="SampleOrder.ByUser"/> order with two or more threads: the H most popular items (most
/// nonzeros in their column, ties to the lower index), whose factor rows and biases each worker keeps in a private copy
/// for the length of a chunk (<see cref="BprHotRows"/>). Positives follow popularity and popularity negatives are drawn
/// by it, so without the copies both workers write these few rows all the time and every write pulls the cache line from
/// the other core (true sharing).
/// </summary>
/// <remarks>
/// H is the smallest number of top items whose columns hold <see cref="Share"/> of the nonzeros, at most
/// <see cref="MaxItems"/> (one byte of slot per item) and at most what fits two copies (private and snapshot) of the rows
/// and biases in <see cref="MaxBytes"/> per worker. Items are not numbered by popularity (the loader numbers them in order of
/// appearance), so the set is an index: <see cref="Slots"/>[item] = 1 + its slot, 0 for a cold item (one byte per item,
/// 20 KB for 20k items: it stays in L2).
/// </remarks>
internal sealed class BprHotItems
{
    /// <summary>Share of the nonzeros the hot set aims to cover.</summary>
    internal const double Share = 0.25;

    /// <summary>Most hot items (a slot is one byte, 0 meaning cold).</summary>
    internal const int MaxItems = 255;

    /// <summary>Budget of one worker's two copies of the hot rows and biases, in bytes.</summary>
    internal const int MaxBytes = 128 * 1024;

    private BprHotItems(int[] ids, byte[] slots)
    {
        Ids = ids;
        Slots = slots;
    }

    /// <summary>The hot items by slot (length H, 1 to <see cref="MaxItems"/>).</summary>
    public int[] Ids { get; }

    /// <summary>Per item (length = columns): 1 + its slot when hot, 0 when cold.</summary>
    public byte[] Slots { get; }

    /// <summary>
    /// Picks the hot set of <paramref name="matrix"/> for item rows of <paramref name="stride"/> floats: the rule of the
    /// remarks, or the <paramref name="count"/> most popular items when <paramref name="count"/> is 0 or more (tests; capped
    /// at <see cref="MaxItems"/> and the columns). Returns null for an empty set (no nonzeros, or a count of 0).
    /// </summary>
    public static BprHotItems? Choose(CsrMatrix matrix, int stride, int count = -1)
    {
        if (matrix.NonZeros == 0 || count == 0) return null;
        var counts = new int[matrix.Columns];
        foreach (var c in matrix.ColumnIndices) counts[c]++;
        var byPopularity = new int[matrix.Columns];
        for (var i = 0; i < byPopularity.Length; i++) byPopularity[i] = i;
        // Most nonzeros first, ties to the lower index (a stable order whatever the sort does).
        Array.Sort(byPopularity, (a, b) => counts[a] != counts[b] ? counts[b].CompareTo(counts[a]) : a.CompareTo(b));
        int h;
        if (count > 0)
        {
            h = Math.Min(Math.Min(count, MaxItems), matrix.Columns);
        }
        else
        {
            var fits = MaxBytes / (2 * sizeof(float) * (stride + 1));
            var cap = Math.Min(Math.Min(MaxItems, fits), matrix.Columns);
            var target = Share * matrix.NonZeros;
            long covered = 0;
            h = 0;
            while (h < cap && covered < target) covered += counts[byPopularity[h++]];
        }
        if (h == 0) return null;
        var ids = byPopularity[..h];
        var slots = new byte[matrix.Columns];
        for (var s = 0; s < h; s++) slots[ids[s]] = (byte)(s + 1);
        return new BprHotItems(ids, slots);
    }
}
