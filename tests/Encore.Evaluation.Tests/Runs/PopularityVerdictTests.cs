using Encore.Evaluation.Runs;
using Encore.Evaluation.Tests.Reports;

namespace Encore.Evaluation.Tests.Runs;

/// <summary>
/// <see cref="PopularityVerdict"/> on hand-made per-user scores: a best model level with popularity, or below it, is "no signal
/// beyond popularity"; one clearly above it is "signal"; the best run other than popularity is the one compared.
/// </summary>
public sealed class PopularityVerdictTests
{
    // 40 users; popularity scores 0.1 .. 0.49 in steps of 0.01.
    private static double[] Popularity() => Enumerable.Range(0, 40).Select(u => 0.1 + u * 0.01).ToArray();

    [Fact]
    public void Compare_LevelWithPopularity_NoSignal()
    {
        // +0.01 on even users, -0.01 on odd ones: mean difference 0, half the signs each way.
        var popularity = Popularity();
        var best = popularity.Select((v, u) => v + (u % 2 == 0 ? 0.01 : -0.01)).ToArray();

        var sut = PopularityVerdict.Compare("ndcg@10", "als", best, popularity);

        Assert.False(sut.HasSignal);
        Assert.Equal(0, sut.Comparison.MeanDifference, 12);
        Assert.True(sut.Comparison.CiLow <= 0 && sut.Comparison.CiHigh >= 0);
        Assert.StartsWith("no signal beyond popularity: best model als NDCG@10 0.2950 [", sut.Sentence, StringComparison.Ordinal);
        Assert.Contains("vs popularity 0.2950, paired difference 0.0000 [", sut.Sentence, StringComparison.Ordinal);
        Assert.Contains("40 users", sut.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ClearlyAbove_Signal()
    {
        // Every user +0.05 (+-0.01): mean difference 0.05, every sign positive.
        var popularity = Popularity();
        var best = popularity.Select((v, u) => v + 0.05 + (u % 2 == 0 ? 0.01 : -0.01)).ToArray();

        var sut = PopularityVerdict.Compare("ndcg@10", "bpr", best, popularity);

        Assert.True(sut.HasSignal);
        Assert.Equal(0.05, sut.Comparison.MeanDifference, 12);
        Assert.True(sut.Comparison.CiLow > 0);
        Assert.StartsWith("signal beyond popularity: best model bpr NDCG@10 0.3450", sut.Sentence, StringComparison.Ordinal);
        Assert.Contains("paired difference 0.0500 [", sut.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_SignificantlyBelow_NoSignal()
    {
        var popularity = Popularity();
        var best = popularity.Select(v => v - 0.05).ToArray();

        var sut = PopularityVerdict.Compare("ndcg@10", "bpr", best, popularity);

        Assert.True(sut.Comparison.IsSignificant);
        Assert.False(sut.HasSignal);
        Assert.StartsWith("no signal beyond popularity", sut.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_Runs_ComparesTheBestOtherRunWithPopularity()
    {
        // ReportFixtures: popularity 0.050, item-knn 0.120, ALS runs up to 0.160 (a sweep's), zig-zag per-user values.
        var sut = PopularityVerdict.Of(ReportFixtures.Runs(), "ndcg@10");

        Assert.NotNull(sut);
        Assert.Equal("als", sut.Best);
        Assert.Equal(0.160, sut.BestInterval.Mean, 12);
        Assert.Equal((0.150, 0.172), (Math.Round(sut.BestInterval.Low, 6), Math.Round(sut.BestInterval.High, 6)));
        Assert.Equal(0.050, sut.PopularityMean, 12);
        Assert.True(sut.HasSignal);
    }

    [Fact]
    public void Of_WithoutPopularityOrAnOtherRun_IsNull()
    {
        var runs = ReportFixtures.Runs();

        Assert.Null(PopularityVerdict.Of(runs.Where(r => r.Model != "popularity").ToList(), "ndcg@10"));
        Assert.Null(PopularityVerdict.Of(runs.Where(r => r.Model == "popularity").ToList(), "ndcg@10"));
        Assert.Null(PopularityVerdict.Of(runs, "recall@10")); // no per-user values of it
    }
}
