using Encore.Evaluation.Metrics;

namespace Encore.Evaluation.Tests.Metrics;

// Hand-worked example: ranked = [5, 3, 9, 1, 7], relevant = {1, 3, 8} (sorted).
// Hits at ranks 2 and 4 (1-based).
public sealed class RankingMetricsTests
{
    private static readonly int[] Ranked = [5, 3, 9, 1, 7];
    private static readonly int[] Relevant = [1, 3, 8];

    [Fact]
    public void PrecisionAt_HandWorked_DividesByK()
    {
        Assert.Equal(2.0 / 5, RankingMetrics.PrecisionAt(Ranked, Relevant, 5), 12);
        Assert.Equal(1.0 / 3, RankingMetrics.PrecisionAt(Ranked, Relevant, 3), 12);
        // k beyond the list still divides by k: a short list is not rewarded.
        Assert.Equal(2.0 / 10, RankingMetrics.PrecisionAt(Ranked, Relevant, 10), 12);
    }

    [Fact]
    public void RecallAt_HandWorked()
    {
        Assert.Equal(2.0 / 3, RankingMetrics.RecallAt(Ranked, Relevant, 5), 12);
        Assert.Equal(1.0 / 3, RankingMetrics.RecallAt(Ranked, Relevant, 2), 12);
    }

    [Fact]
    public void CappedRecallAt_DividesByMinOfKAndRelevant()
    {
        Assert.Equal(1.0 / 2, RankingMetrics.CappedRecallAt(Ranked, Relevant, 2), 12);
        Assert.Equal(2.0 / 3, RankingMetrics.CappedRecallAt(Ranked, Relevant, 5), 12);
    }

    [Fact]
    public void NdcgAt_HandWorked_BinaryGain()
    {
        // DCG = 1/log2(3) + 1/log2(5); IDCG@5 over min(5, 3) = 3 hits = 1 + 1/log2(3) + 1/log2(4).
        var dcg = 1 / Math.Log2(3) + 1 / Math.Log2(5);
        var idcg = 1 + 1 / Math.Log2(3) + 0.5;
        Assert.Equal(dcg / idcg, RankingMetrics.NdcgAt(Ranked, Relevant, 5), 12);
        // @2: DCG = 1/log2(3), IDCG over min(2,3) = 2 hits.
        Assert.Equal((1 / Math.Log2(3)) / (1 + 1 / Math.Log2(3)), RankingMetrics.NdcgAt(Ranked, Relevant, 2), 12);
    }

    [Fact]
    public void NdcgAt_SingleRelevantItemAtTop_IsOne()
    {
        Assert.Equal(1.0, RankingMetrics.NdcgAt([4, 2], [4], 10), 12);
    }

    [Fact]
    public void GradedNdcgAt_HandWorked()
    {
        // relevant {1: gain 1, 3: gain 2, 8: gain 3}; hits: 3 at rank 2 (gain 2), 1 at rank 4 (gain 1).
        double[] gains = [1, 2, 3];
        var dcg = 3 / Math.Log2(3) + 1 / Math.Log2(5);
        var idcg = 7 + 3 / Math.Log2(3) + 1 / Math.Log2(4);
        Assert.Equal(dcg / idcg, RankingMetrics.GradedNdcgAt(Ranked, Relevant, gains, 5), 12);
    }

    [Fact]
    public void AveragePrecisionAt_HandWorked()
    {
        // precision at hit ranks: 1/2 and 2/4; divided by min(5, 3) = 3.
        Assert.Equal((0.5 + 0.5) / 3, RankingMetrics.AveragePrecisionAt(Ranked, Relevant, 5), 12);
    }

    [Fact]
    public void ReciprocalRankAndHitRate_HandWorked()
    {
        Assert.Equal(0.5, RankingMetrics.ReciprocalRankAt(Ranked, Relevant, 5), 12);
        Assert.Equal(0.0, RankingMetrics.ReciprocalRankAt(Ranked, Relevant, 1), 12);
        Assert.Equal(1.0, RankingMetrics.HitRateAt(Ranked, Relevant, 2), 12);
        Assert.Equal(0.0, RankingMetrics.HitRateAt(Ranked, Relevant, 1), 12);
    }

    [Fact]
    public void RPrecisionAndClicks_HandWorked()
    {
        // first |relevant| = 3 items: 5, 3, 9 -> one hit.
        Assert.Equal(1.0 / 3, RankingMetrics.RPrecision(Ranked, Relevant), 12);
        Assert.Equal(0, RankingMetrics.Clicks(Ranked, Relevant));
        var longList = Enumerable.Range(100, 30).Append(1).ToArray(); // first hit at rank 31 -> 3 refreshes
        Assert.Equal(3, RankingMetrics.Clicks(longList, Relevant));
        Assert.Equal(51, RankingMetrics.Clicks([100, 101], Relevant));
    }

    [Fact]
    public void AllMetrics_NoRelevantItems_AreZeroNotErrors()
    {
        int[] none = [];
        Assert.Equal(0, RankingMetrics.PrecisionAt(Ranked, none, 5));
        Assert.Equal(0, RankingMetrics.RecallAt(Ranked, none, 5));
        Assert.Equal(0, RankingMetrics.NdcgAt(Ranked, none, 5));
        Assert.Equal(0, RankingMetrics.AveragePrecisionAt(Ranked, none, 5));
        Assert.Equal(0, RankingMetrics.RPrecision(Ranked, none));
        Assert.Equal(0, RankingMetrics.NdcgAt([], Relevant, 5));
    }
}
