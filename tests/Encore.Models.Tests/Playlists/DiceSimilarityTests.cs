using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Playlists;

namespace Encore.Models.Tests.Playlists;

/// <summary>Playlists p0 = {0,1,2,3}, p1 = {0,1,4}, p2 = {2,3,4,5}, p3 = {6}; seeds {0,1,2} (docs/models-knn.md).</summary>
public sealed class DiceSimilarityTests
{
    private static readonly TrainingData Data = TrainingData.FromMatrix(CsrMatrix.FromTriples(4, 7,
        [0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 3], [0, 1, 2, 3, 0, 1, 4, 2, 3, 4, 5, 6], [1f, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]));

    [Fact]
    public void SimilarPlaylists_Seeds_AreDiceOrdered()
    {
        var sut = (PlaylistKnnModel)new PlaylistKnnTrainer().Fit(Data);
        var (playlists, sims) = sut.SimilarPlaylists([0, 1, 2], -1, 5);
        Assert.Equal([0, 1, 2], playlists);
        Assert.Equal(6f / 7, sims[0], 6); // 2 * 3 / (3 + 4)
        Assert.Equal(4f / 6, sims[1], 6); // 2 * 2 / (3 + 3)
        Assert.Equal(2f / 7, sims[2], 6); // 2 * 1 / (3 + 4)
    }

    [Fact]
    public void RecommendFromHistory_TwoNeighbours_PoolsThenFillsByPopularity()
    {
        var sut = (PlaylistKnnModel)new PlaylistKnnTrainer(new PlaylistKnnOptions { Neighbours = 2 }).Fit(Data);
        var (items, scores) = sut.RecommendFromHistory([0, 1, 2], [1f, 1, 1], 4);
        // Pool of p0 and p1 minus the seeds: 3 (6/7), 4 (2/3); then fill 5 and 6 (one playlist each: -1 + 1/3).
        Assert.Equal([3, 4, 5, 6], items);
        Assert.Equal([6f / 7, 4f / 6, -1f + 1f / 3, -1f + 1f / 3], scores);
    }

    [Fact]
    public void RecommendFromHistory_NoFill_ReturnsOnlyThePool()
    {
        var sut = (PlaylistKnnModel)new PlaylistKnnTrainer(new PlaylistKnnOptions { Neighbours = 2, FillWithPopular = false }).Fit(Data);
        var (items, _) = sut.RecommendFromHistory([0, 1, 2], [1f, 1, 1], 100);
        Assert.Equal([3, 4], items);
    }

    [Fact]
    public void Recommend_KnownPlaylist_ExcludesItself()
    {
        var sut = new PlaylistKnnTrainer(new PlaylistKnnOptions { Neighbours = 1, FillWithPopular = false }).Fit(Data);
        // p1 = {0,1,4}: nearest other playlist p0 (2*2/7) ahead of p2 (2/7); pool minus seeds = {2, 3}.
        var (items, scores) = sut.RecommendOne(1, 10);
        Assert.Equal([2, 3], items);
        Assert.Equal(4f / 7, scores[0], 6);
    }
}
