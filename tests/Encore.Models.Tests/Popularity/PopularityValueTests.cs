using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Popularity;

namespace Encore.Models.Tests.Popularity;

/// <summary>u0 = {i0: 2, i1: 1}, u1 = {i0: 4}, u2 = {i2: 3}; global mean M = 10 / 4 = 2.5.</summary>
public sealed class PopularityValueTests
{
    private static readonly TrainingData Data = TrainingData.FromMatrix(CsrMatrix.FromTriples(3, 3,
        [0, 0, 1, 2], [0, 1, 0, 2], [2f, 1f, 4f, 3f]));

    [Fact]
    public void FromData_UserCount_CountsUsersPerItem()
    {
        var sut = PopularityModel.FromData(Data);
        Assert.Equal([2f, 1f, 1f], sut.ItemScores.ToArray());
    }

    [Fact]
    public void FromData_ValueSum_SumsValues()
    {
        var sut = PopularityModel.FromData(Data, new PopularityOptions { Scoring = PopularityScoring.ValueSum });
        Assert.Equal([6f, 1f, 3f], sut.ItemScores.ToArray());
    }

    [Fact]
    public void FromData_SmoothedMean_ShrinksTowardsGlobalMean()
    {
        // (N_i mean_i + C M) / (N_i + C) with C = 1: i0 (6 + 2.5) / 3, i1 (1 + 2.5) / 2, i2 (3 + 2.5) / 2.
        var sut = PopularityModel.FromData(Data, new PopularityOptions { Scoring = PopularityScoring.SmoothedMean, PriorWeight = 1 });
        Assert.Equal(8.5f / 3, sut.ItemScores[0], 6);
        Assert.Equal(1.75f, sut.ItemScores[1], 6);
        Assert.Equal(2.75f, sut.ItemScores[2], 6);
    }

    [Fact]
    public void RecommendFromHistory_DropsHistoryItems()
    {
        var sut = PopularityModel.FromData(Data);
        var (items, scores) = sut.RecommendFromHistory([0], [1f], 3);
        Assert.Equal([1, 2], items);
        Assert.Equal([1f, 1f], scores);
    }
}
