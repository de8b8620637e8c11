namespace Encore.Evaluation.Metrics;

/// <summary>
/// Per-user top-k ranking metrics, one definition each (formulas and edge cases in docs/metrics.md).
/// <c>ranked</c> is the recommended list best-first; <c>relevant</c> is the
/// user's relevant items sorted ascending (binary search). A user with no relevant items gets 0 for
/// every metric (callers normally skip such users). k larger than the list uses the list as it is.
/// </summary>
public static class RankingMetrics
{
    /// <summary>Hits in the first k divided by k (not by the list length: a short list is penalised).</summary>
    public static double PrecisionAt(ReadOnlySpan<int> ranked, ReadOnlySpan<int> relevant, int k) =>
        k <= 0 ? 0 : (double)Hits(ranked, relevant, k) / k;

    /// <summary>Hits in the first k divided by the number of relevant items.</summary>
    public static double RecallAt(ReadOnlySpan<int> ranked, ReadOnlySpan<int> relevant, int k) =>
        relevant.IsEmpty ? 0 : (double)Hits(ranked, relevant, k) / relevant.Length;

    /// <summary>Hits divided by min(k, |relevant|): the Million Song Dataset papers' "recall" (reaches 1 when k &lt; |relevant|).</summary>
    public static double CappedRecallAt(ReadOnlySpan<int> ranked, ReadOnlySpan<int> relevant, int k) =>
        relevant.IsEmpty || k <= 0 ? 0 : (double)Hits(ranked, relevant, k) / Math.Min(k, relevant.Length);

    /// <summary>1 if any of the first k is relevant.</summary>
    public static double HitRateAt(ReadOnlySpan<int> ranked, ReadOnlySpan<int> relevant, int k) =>
        Hits(ranked, relevant, k) > 0 ? 1 : 0;

    /// <summary>
    /// NDCG@k with binary gain: DCG = sum over hits at rank r (1-based) of 1 / log2(r + 1); ideal DCG
    /// places min(k, |relevant|) hits at the top.
    /// </summary>
    public static double NdcgAt(ReadOnlySpan<int> ranked, ReadOnlySpan<int> relevant, int k) => Core.Ranking.BinaryNdcg.At(ranked, relevant, k);

    /// <summary>
    /// NDCG@k with graded gain (2^g - 1) / log2(r + 1); <paramref name="gains"/> are aligned with
    /// <paramref name="relevant"/>; the ideal ranking sorts the gains descending.
    /// </summary>
    public static double GradedNdcgAt(ReadOnlySpan<int> ranked, ReadOnlySpan<int> relevant, ReadOnlySpan<double> gains, int k)
    {
        if (relevant.IsEmpty || k <= 0) return 0;
        var n = Math.Min(k, ranked.Length);
        double dcg = 0;
        for (var r = 0; r < n; r++)
        {
            var idx = relevant.BinarySearch(ranked[r]);
            if (idx >= 0) dcg += (Math.Pow(2, gains[idx]) - 1) / Math.Log2(r + 2);
        }
        var sorted = gains.ToArray();
        Array.Sort(sorted, (a, b) => b.CompareTo(a));
        double ideal = 0;
        for (var r = 0; r < Math.Min(k, sorted.Length); r++) ideal += (Math.Pow(2, sorted[r]) - 1) / Math.Log2(r + 2);
        return ideal > 0 ? dcg / ideal : 0;
    }

    /// <summary>Average precision at k: mean of precision@r at each hit rank r, divided by min(k, |relevant|).</summary>
    public static double AveragePrecisionAt(ReadOnlySpan<int> ranked, ReadOnlySpan<int> relevant, int k)
    {
        if (relevant.IsEmpty || k <= 0) return 0;
        var n = Math.Min(k, ranked.Length);
        double sum = 0;
        var hits = 0;
        for (var r = 0; r < n; r++)
        {
            if (relevant.BinarySearch(ranked[r]) < 0) continue;
            hits++;
            sum += (double)hits / (r + 1);
        }
        return sum / Math.Min(k, relevant.Length);
    }

    /// <summary>Reciprocal rank of the first relevant item within the first k (0 if none).</summary>
    public static double ReciprocalRankAt(ReadOnlySpan<int> ranked, ReadOnlySpan<int> relevant, int k)
    {
        var n = Math.Min(k, ranked.Length);
        for (var r = 0; r < n; r++)
            if (relevant.BinarySearch(ranked[r]) >= 0) return 1.0 / (r + 1);
        return 0;
    }

    /// <summary>R-precision (MPD challenge): hits in the first |relevant| divided by |relevant|.</summary>
    public static double RPrecision(ReadOnlySpan<int> ranked, ReadOnlySpan<int> relevant) =>
        relevant.IsEmpty ? 0 : (double)Hits(ranked, relevant, relevant.Length) / relevant.Length;

    /// <summary>
    /// Recommended-songs clicks (MPD challenge): lists are shown in pages of 10; the number of refreshes
    /// before the first relevant track is floor((rank - 1) / 10) for 1-based rank; 51 when none is found
    /// among the 500 recommended.
    /// </summary>
    public static double Clicks(ReadOnlySpan<int> ranked, ReadOnlySpan<int> relevant)
    {
        for (var r = 0; r < ranked.Length; r++)
            if (relevant.BinarySearch(ranked[r]) >= 0) return r / 10;
        return 51;
    }

    /// <summary>Number of relevant items among the first k recommendations.</summary>
    public static int Hits(ReadOnlySpan<int> ranked, ReadOnlySpan<int> relevant, int k)
    {
        var n = Math.Min(k, ranked.Length);
        var hits = 0;
        for (var r = 0; r < n; r++)
            if (relevant.BinarySearch(ranked[r]) >= 0) hits++;
        return hits;
    }
}
