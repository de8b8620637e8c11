namespace Encore.Models.Neighbourhood;

/// <summary>
/// The k best of n (id, score) candidates by the total order "higher score first, then smaller id" (the order of
/// <see cref="Encore.Core.Ranking.TopKSelector"/>), found by quickselect (Hoare 1961) in expected O(n) instead of
/// a heap's O(n log k). The candidates are permuted in place so that the best k come first (in no particular
/// order). Ids must be distinct, so no two candidates compare equal and the selected set is unique.
/// </summary>
internal static class CandidateSelection
{
    private const int SmallRange = 16;

    /// <summary>
    /// Moves the k best of the first <paramref name="count"/> candidates to the front; returns min(k, count).
    /// </summary>
    /// <exception cref="ArgumentException">The spans are shorter than count.</exception>
    public static int SelectBest(Span<int> ids, Span<float> scores, int count, int k)
    {
        if (ids.Length < count || scores.Length < count) throw new ArgumentException($"candidate spans must hold {count} entries.");
        if (k <= 0) return 0;
        if (count <= k) return count;
        int low = 0, high = count - 1;
        // Invariant: every candidate left of low is better than every one in [low, high], which are better than
        // every one right of high; the k-th best is in [low, high].
        while (high - low > SmallRange)
        {
            var pivot = MedianOfThree(ids, scores, low, low + (high - low) / 2, high);
            var (pivotId, pivotScore) = (ids[pivot], scores[pivot]);
            Swap(ids, scores, pivot, high);
            var store = low;
            for (var i = low; i < high; i++)
                if (Better(scores[i], ids[i], pivotScore, pivotId)) Swap(ids, scores, i, store++);
            Swap(ids, scores, store, high);
            // Now [low, store) is better than the pivot at store, (store, high] worse.
            if (store == k - 1 || store == k) return k;
            if (store < k) low = store + 1;
            else high = store - 1;
        }
        // Insertion sort of the short range finishes it.
        for (var i = low + 1; i <= high; i++)
        {
            var (id, score) = (ids[i], scores[i]);
            var j = i - 1;
            while (j >= low && Better(score, id, scores[j], ids[j]))
            {
                ids[j + 1] = ids[j];
                scores[j + 1] = scores[j];
                j--;
            }
            ids[j + 1] = id;
            scores[j + 1] = score;
        }
        return k;
    }

    /// <summary>a ranks before b: higher score, or equal score and smaller id.</summary>
    public static bool Better(float sa, int ia, float sb, int ib) => sa > sb || (sa == sb && ia < ib);

    private static int MedianOfThree(Span<int> ids, Span<float> scores, int a, int b, int c)
    {
        if (Better(scores[b], ids[b], scores[a], ids[a])) (a, b) = (b, a);
        if (Better(scores[c], ids[c], scores[b], ids[b])) (b, c) = (c, b);
        if (Better(scores[b], ids[b], scores[a], ids[a])) (a, b) = (b, a);
        return b;
    }

    private static void Swap(Span<int> ids, Span<float> scores, int a, int b)
    {
        (ids[a], ids[b]) = (ids[b], ids[a]);
        (scores[a], scores[b]) = (scores[b], scores[a]);
    }
}
