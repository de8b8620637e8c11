using Encore.Models.Group;

namespace Encore.Models.Tests.Group;

/// <summary>
/// Hand-made table (docs/models-group.md works it out): raw scores of 3 members over 5 items.
/// m0 = [10, 8, 6, 4, 2] -> min-max [1, .75, .5, .25, 0]; m1 = [0, 5, 10, 5, 0] -> [0, .5, 1, .5, 0];
/// m2 = [3, 3, 1, 2, 0] -> [1, 1, 1/3, 2/3, 0]. Top-3 lists: m0 {0, 1, 2}, m1 {2, 1, 3}, m2 {0, 1, 3}.
/// </summary>
public sealed class ScoreTableAggregatorTests
{
    private static readonly float[][] Table = [[10, 8, 6, 4, 2], [0, 5, 10, 5, 0], [3, 3, 1, 2, 0]];

    private static GroupRecommendation Run(GroupStrategy strategy, ScoreNormalisation normalisation = ScoreNormalisation.MinMax, int k = 5) =>
        ScoreTableAggregator.Aggregate(Table, k, new GroupOptions { Strategy = strategy, Normalisation = normalisation, MemberListSize = 3 });

    [Fact]
    public void Aggregate_Average_RanksByMeanNormalisedScore()
    {
        // Means: i0 2/3, i1 .75, i2 11/18, i3 17/36, i4 0.
        var sut = Run(GroupStrategy.Average);
        Assert.Equal([1, 0, 2, 3, 4], sut.Items);
        Assert.Equal(0.75f, sut.Scores[0], 6);
        Assert.Equal(2f / 3, sut.Scores[1], 6);
    }

    [Fact]
    public void Aggregate_LeastMisery_RanksByMinimum()
    {
        // Minima: i0 0, i1 .5, i2 1/3, i3 .25, i4 0 (tie i0 / i4 -> smaller index first).
        Assert.Equal([1, 2, 3, 0, 4], Run(GroupStrategy.LeastMisery).Items);
    }

    [Fact]
    public void Aggregate_MostPleasure_RanksByMaximum()
    {
        // Maxima: i0 1, i1 1, i2 1, i3 2/3, i4 0.
        Assert.Equal([0, 1, 2, 3, 4], Run(GroupStrategy.MostPleasure).Items);
    }

    [Fact]
    public void Aggregate_BordaCount_SumsRankPoints()
    {
        // Points 3 / 2 / 1 per top-3 list: i0 3 + 0 + 3, i1 2 + 2 + 2, i2 1 + 3 + 0, i3 0 + 1 + 1, i4 0.
        var sut = Run(GroupStrategy.BordaCount);
        Assert.Equal([0, 1, 2, 3, 4], sut.Items);
        Assert.Equal([6f, 6f, 4f, 2f, 0f], sut.Scores);
    }

    [Fact]
    public void Aggregate_OverlapFirst_CountsMembersThenMean()
    {
        // Members holding the item in their top-3: i1 3; i0, i2, i3 2 each (then by mean: 2/3 > 11/18 > 17/36); i4 0.
        var sut = Run(GroupStrategy.OverlapFirst);
        Assert.Equal([1, 0, 2, 3, 4], sut.Items);
        Assert.Equal(3.375f, sut.Scores[0], 6);
    }

    [Fact]
    public void Aggregate_RankNormalisedLeastMisery_UsesRankShares()
    {
        // Rank shares 1 - r / 5: m0 [1, .8, .6, .4, .2], m1 [.4, .8, 1, .6, .2], m2 [1, .8, .4, .6, .2]; minima .4, .8, .4, .4, .2.
        Assert.Equal([1, 0, 2, 3, 4], Run(GroupStrategy.LeastMisery, ScoreNormalisation.Rank).Items);
    }

    [Fact]
    public void Aggregate_Average_ReportsMemberSatisfaction()
    {
        var sut = Run(GroupStrategy.Average, k: 2); // group list [1, 0]
        Assert.Equal(new MemberSatisfaction(0, 1.0, 0.875), sut.Members[0]);
        Assert.Equal(new MemberSatisfaction(1, 0.5, 0.25), sut.Members[1]);
        Assert.Equal(new MemberSatisfaction(2, 1.0, 1.0), sut.Members[2]);
        Assert.Equal(0.5, sut.MinimumShare);
    }

    [Fact]
    public void Aggregate_NaNForAnyMember_RemovesTheCandidate()
    {
        float[][] table = [[1, 2, 3], [3, float.NaN, 1]];
        var sut = ScoreTableAggregator.Aggregate(table, 3, new GroupOptions());
        Assert.Equal([0, 2], sut.Items);
    }
}
