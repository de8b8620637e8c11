namespace Encore.Core.Ranking;

/// <summary>
/// NDCG@k with binary gain, the one definition the evaluation metrics and the models' own validation carves share:
/// DCG = sum over hits at rank r (1-based) of 1 / log2(r + 1); the ideal DCG places min(k, |relevant|) hits at the top
/// (Järvelin and Kekäläinen 2002; docs/metrics.md).
/// </summary>
public static class BinaryNdcg
{
    /// <summary>NDCG@<paramref name="k"/> of <paramref name="ranked"/> (best first) against <paramref name="relevant"/> (sorted ascending).</summary>
    /// <returns>A value in [0, 1]; 0 when there is no relevant item or k &lt;= 0. k larger than the list uses the list as it is.</returns>
    public static double At(ReadOnlySpan<int> ranked, ReadOnlySpan<int> relevant, int k)
    {
        if (relevant.IsEmpty || k <= 0) return 0;
        var n = Math.Min(k, ranked.Length);
        double dcg = 0;
        for (var r = 0; r < n; r++)
            if (relevant.BinarySearch(ranked[r]) >= 0) dcg += 1.0 / Math.Log2(r + 2);
        double ideal = 0;
        for (var r = 0; r < Math.Min(k, relevant.Length); r++) ideal += 1.0 / Math.Log2(r + 2);
        return dcg / ideal;
    }
}
