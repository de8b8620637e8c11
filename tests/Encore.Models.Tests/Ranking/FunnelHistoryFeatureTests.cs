using Encore.Core.Sparse;
using Encore.Models.Blend;
using Encore.Models.Contract;
using Encore.Models.Ranking;

namespace Encore.Models.Tests.Ranking;

public sealed class FunnelHistoryFeatureTests
{
    [Fact]
    public void Neighbours_HandWorked_MaxMeanAndPlayWeightedCosine()
    {
        // u0 plays i0 (5 plays) and i1 (1); u1 plays i0, i2; u2 plays i1, i2, i3. Users per item: i0 {u0,u1},
        // i1 {u0,u2}, i2 {u1,u2}, i3 {u2}. cos(i2,i0) = 1/sqrt(2*2) = 0.5, cos(i2,i1) = 0.5, cos(i3,i0) = 0,
        // cos(i3,i1) = 1/sqrt(1*2).
        var matrix = CsrMatrix.FromTriples(3, 4, [0, 0, 1, 1, 2, 2, 2], [0, 1, 0, 2, 1, 2, 3], [5f, 1f, 1f, 1f, 1f, 1f, 1f]);
        var sut = new FunnelSignals(FunnelFeatureGroups.Neighbours, matrix, null);
        var rows = new float[2 * sut.Width];

        sut.Fill(0, [2, 3], rows, sut.Width, 0);

        Assert.Equal(["top-played-max-cosine", "top-played-mean-cosine", "play-weighted-cosine"], FunnelSignals.Names(sut.Groups));
        Assert.Equal(3, sut.Width);
        Assert.Equal(0.5f, rows[0], 5);                              // i2: max(0.5, 0.5)
        Assert.Equal(0.5f, rows[1], 5);                              // mean
        Assert.Equal(0.5f, rows[2], 5);                              // (5 * 0.5 + 1 * 0.5) / 6
        Assert.Equal(1 / MathF.Sqrt(2), rows[3], 5);                 // i3: max(0, 0.7071)
        Assert.Equal(0.5f / MathF.Sqrt(2), rows[4], 5);              // (0 + 0.7071) / 2
        Assert.Equal(1 / MathF.Sqrt(2) / 6, rows[5], 5);             // (5 * 0 + 1 * 0.7071) / 6
    }

    [Fact]
    public void Neighbours_OnlyTheTenMostPlayedEnterMaxAndMean()
    {
        // u0 plays i0..i10 with 11..1 plays; u1 plays i10 (u0's least played) and i11. Only i10 is near i11, and it
        // is u0's 11th most played: outside the top 10, so max and mean are 0; the play-weighted mean still sees it.
        var users = Enumerable.Repeat(0, 11).Concat([1, 1]).ToArray();
        var items = Enumerable.Range(0, 11).Concat([10, 11]).ToArray();
        var values = Enumerable.Range(0, 11).Select(i => 11f - i).Concat([1f, 1f]).ToArray();
        var matrix = CsrMatrix.FromTriples(2, 12, users, items, values);
        var sut = new FunnelSignals(FunnelFeatureGroups.Neighbours, matrix, null);
        var rows = new float[sut.Width];

        sut.Fill(0, [11], rows, sut.Width, 0);

        Assert.Equal(10, HistorySimilarity.TopPlayed);
        Assert.Equal(0f, rows[0]);
        Assert.Equal(0f, rows[1]);
        Assert.Equal(1 / MathF.Sqrt(2) / 66, rows[2], 6);           // cos(i11, i10) = 1/sqrt(1*2), weight 1 of 66
    }

    [Fact]
    public void Neighbours_UserWithoutHistory_AllZero()
    {
        var matrix = CsrMatrix.FromTriples(2, 3, [1, 1], [0, 1], [1f, 1f]);
        var sut = new FunnelSignals(FunnelFeatureGroups.Neighbours, matrix, null);
        var rows = new float[2 * sut.Width];
        Array.Fill(rows, 9f);

        sut.Fill(0, [0, 2], rows, sut.Width, 0);

        Assert.All(rows, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Agreement_HandWorked_ShareOfGeneratorsListingTheCandidate()
    {
        // u0 plays i0; u1 plays i0 and i1; u2..u4 play i2. Top-2 unseen of u0: popularity {i2 (3 users), i1 (1)};
        // item-kNN {i1} only (i2 never co-occurs with i0: no evidence). So i1 is listed by both, i2 by one of two.
        var matrix = CsrMatrix.FromTriples(5, 3, [0, 1, 1, 2, 3, 4], [0, 0, 1, 2, 2, 2], [1f, 1f, 1f, 1f, 1f, 1f]);
        var data = TrainingData.FromMatrix(matrix);
        var generators = BlendComponents.Trainers("popularity+item-knn", FunnelModel.Name, 1, 1).Select(t => t.Fit(data)).ToArray();
        var sut = new FunnelFeatures(generators, matrix, new FunnelSignals(FunnelFeatureGroups.Agreement, matrix, null), candidates: 2);

        var (items, rows, _) = sut.Build(0);

        Assert.Equal(5, sut.Width);
        Assert.Equal(new[] { 1, 2 }, items);
        Assert.Equal(1f, rows[4]);                 // i1: both generators
        Assert.Equal(0.5f, rows[sut.Width + 4]);   // i2: popularity only
        Assert.Equal(["popularity-z", "popularity-reciprocal-rank", "item-knn-z", "item-knn-reciprocal-rank", "generator-agreement"],
            FunnelFeatures.Names(["popularity", "item-knn"], FunnelFeatureGroups.Agreement));
    }

    [Theory]
    [InlineData("neighbours", FunnelFeatureGroups.Neighbours)]
    [InlineData("agreement+popularity", FunnelFeatureGroups.Agreement | FunnelFeatureGroups.Popularity)]
    [InlineData("all", FunnelFeatureGroups.All)]
    public void Features_NewGroups_Parse(string text, FunnelFeatureGroups expected) => Assert.Equal(expected, FunnelFeatureGroupNames.Parse(text));
}
