using System.Runtime.CompilerServices;

namespace Encore.Models.Neighbourhood;

/// <summary>
/// Neighbour candidates packed as one 64-bit key that sorts in the order of <see cref="Encore.Core.Ranking.TopKSelector"/>
/// ("higher similarity, then smaller id"): the similarity's bits mapped to an order-preserving unsigned integer in the
/// high half, the complemented id in the low half. Comparing two candidates is then one integer comparison, so the
/// selection's partition loop runs without a data-dependent branch (the comparison only moves a counter).
/// </summary>
internal static class KeySelection
{
    private const int SmallRange = 16;

    /// <summary>The key of (id, score): greater key = better candidate. -0 counts as +0 (they compare equal as floats).</summary>
    /// <param name="id">Candidate id, &gt;= 0.</param>
    /// <param name="score">Similarity, not NaN.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Key(int id, float score)
    {
        if (score == 0) score = 0f;
        var bits = BitConverter.SingleToUInt32Bits(score);
        // Positive floats: set the sign bit (above every negative); negative: flip all bits (reverse their order).
        var ordered = (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
        return ((ulong)ordered << 32) | ~(uint)id;
    }

    /// <summary>The id packed in <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IdOf(ulong key) => (int)~(uint)key;

    /// <summary>The similarity packed in <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ScoreOf(ulong key)
    {
        var ordered = (uint)(key >> 32);
        var bits = (ordered & 0x8000_0000u) != 0 ? ordered & 0x7FFF_FFFFu : ~ordered;
        return BitConverter.UInt32BitsToSingle(bits);
    }

    /// <summary>Moves the <paramref name="k"/> greatest keys to the front (in no particular order) by quickselect
    /// (Hoare 1961) with a branch-free Lomuto partition; returns min(k, keys.Length). Keys must be distinct.</summary>
    public static int SelectTop(Span<ulong> keys, int k)
    {
        if (k <= 0) return 0;
        if (keys.Length <= k) return keys.Length;
        int low = 0, high = keys.Length - 1;
        // Invariant: every key left of low is greater than every key in [low, high], which are greater than every
        // key right of high; the k-th greatest is in [low, high].
        while (high - low > SmallRange)
        {
            var mid = low + (high - low) / 2;
            var pivot = MedianOfThree(keys[low], keys[mid], keys[high]);
            // Park the pivot at high.
            var at = keys[low] == pivot ? low : keys[mid] == pivot ? mid : high;
            (keys[at], keys[high]) = (keys[high], keys[at]);
            var store = low;
            for (var i = low; i < high; i++)
            {
                // Always swap, advance only when greater: the elements between store and i are all <= pivot.
                var v = keys[i];
                keys[i] = keys[store];
                keys[store] = v;
                store += v > pivot ? 1 : 0;
            }
            (keys[store], keys[high]) = (keys[high], keys[store]);
            // Now [low, store) is greater than the pivot at store, (store, high] smaller.
            if (store == k - 1 || store == k) return k;
            if (store < k) low = store + 1;
            else high = store - 1;
        }
        // Insertion sort (descending) of the short range finishes it.
        for (var i = low + 1; i <= high; i++)
        {
            var v = keys[i];
            var j = i - 1;
            while (j >= low && keys[j] < v)
            {
                keys[j + 1] = keys[j];
                j--;
            }
            keys[j + 1] = v;
        }
        return k;
    }

    private static ulong MedianOfThree(ulong a, ulong b, ulong c) =>
        Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
}
