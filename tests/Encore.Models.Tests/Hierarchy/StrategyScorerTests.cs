using Encore.Models.Hierarchy;

namespace Encore.Models.Tests.Hierarchy;

public sealed class StrategyScorerTests
{
    private static PairFeatures Features(float album, FeatureSource albumSource, float artist, FeatureSource artistSource, int genresRated,
        float max = 50, float mean = 40, float ratedMean = 40, float prior = 55) =>
        new(album, albumSource, artist, artistSource, genresRated, 2, max, 30, mean, 25, genresRated > 0 ? FeatureSource.User : FeatureSource.Bayesian,
            ratedMean, 0, prior);

    [Fact]
    public void Score_WeightedAndMaxGenre_UseTheSpecWeights()
    {
        var f = Features(80, FeatureSource.User, 60, FeatureSource.Bayesian, 0);
        Assert.Equal(0.4 * 80 + 0.3 * 60 + 0.3 * 40, StrategyScorer.Score(HierarchyStrategy.Weighted, f), 6);
        Assert.Equal(0.7 * 80 + 0.2 * 60 + 0.1 * 50, StrategyScorer.Score(HierarchyStrategy.MaxGenre, f), 6);
    }

    [Fact]
    public void Score_Adaptive_RenormalisesOverRatedLevelsOnly()
    {
        var f = Features(80, FeatureSource.Sibling, 60, FeatureSource.Bayesian, 1, ratedMean: 20);
        Assert.Equal((0.4 * 80 + 0.3 * 20) / 0.7, StrategyScorer.Score(HierarchyStrategy.Adaptive, f), 6);
        var none = Features(70, FeatureSource.Bayesian, 60, FeatureSource.Global, 0);
        Assert.False(StrategyScorer.HasEvidence(none));
        Assert.Equal(StrategyScorer.Score(HierarchyStrategy.WeightedBayesSiblings, none), StrategyScorer.Score(HierarchyStrategy.Adaptive, none), 6);
    }

    [Fact]
    public void Score_LearnedFallback_OnlyReplacesPairsWithoutEvidence()
    {
        var rated = Features(80, FeatureSource.User, 60, FeatureSource.Bayesian, 0);
        Assert.Equal(StrategyScorer.Score(HierarchyStrategy.Adaptive, rated), StrategyScorer.Score(HierarchyStrategy.LearnedFallback, rated, fallback: -5), 6);
        var none = Features(70, FeatureSource.Bayesian, 60, FeatureSource.Global, 0);
        Assert.Equal(-5, StrategyScorer.Score(HierarchyStrategy.LearnedFallback, none, fallback: -5));
    }

    [Fact]
    public void BlockScores_ZScoresAndRanks_AreWithinEachList()
    {
        double[] s = [1, 2, 3, 10, 10, 10];
        var z = BlockScores.ZScores(s, 3);
        Assert.Equal(-Math.Sqrt(1.5), z[0], 6);
        Assert.Equal(0, z[1], 6);
        Assert.Equal([0, 0, 0], z[3..]);
        Assert.Equal([0, 1, 2, 1, 1, 1], BlockScores.Ranks(s, 3));
        Assert.Throws<ArgumentException>(() => BlockScores.Ranks(s, 4));
    }
}
