using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Files;
using Encore.Models.Playlists;

namespace Encore.Models.Tests.Playlists;

/// <summary>
/// The combined model on the Dice example of <see cref="DiceSimilarityTests"/>: p0 = {0,1,2,3}, p1 = {0,1,4},
/// p2 = {2,3,4,5}, p3 = {6}. The pool decides which tracks come first; the embedding decides their order.
/// </summary>
public sealed class PlaylistCombinedTests
{
    private static readonly TrainingData Data = TrainingData.FromMatrix(CsrMatrix.FromTriples(4, 7,
        [0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 3], [0, 1, 2, 3, 0, 1, 4, 2, 3, 4, 5, 6], [1f, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]));

    private static PlaylistCombinedModel Fit(int neighbours, bool fill = true) => new PlaylistCombinedTrainer(
        new PlaylistCombinedOptions { Neighbours = neighbours, FillWithEmbedding = fill, Factors = 4, Iterations = 10, Threads = 1 }).Fit(Data);

    [Fact]
    public void Recommend_KnownPlaylist_PoolFirstInEmbeddingOrderThenTheRest()
    {
        var sut = Fit(neighbours: 1);
        // p1 = {0,1,4}: its nearest other playlist is p0 (Dice 4/7), so the pool minus the seeds is {2, 3}.
        var (items, scores) = sut.RecommendOne(1, 10);
        Assert.Equal(4, items.Length); // 7 tracks - 3 seeds
        Assert.Equal([2, 3], items[..2].Order());
        Assert.Equal([5, 6], items[2..].Order());
        var logits = new float[7];
        sut.Embedding.ScoreVector(sut.Embedding.UserVector(1), logits);
        Assert.True(logits[items[0]] >= logits[items[1]]);
        Assert.True(logits[items[2]] >= logits[items[3]]);
        Assert.Equal(logits[items[2]], scores[2]); // tracks outside the pool keep their logit
        Assert.True(scores[1] > scores[2]);
    }

    [Fact]
    public void Recommend_NoFill_ReturnsOnlyThePool()
    {
        var sut = Fit(neighbours: 1, fill: false);
        var (items, _) = sut.RecommendOne(1, 10);
        Assert.Equal([2, 3], items.Order());
    }

    [Fact]
    public void RecommendFromHistory_Seeds_PoolOfTheirDiceNeighbours()
    {
        var sut = Fit(neighbours: 2, fill: false);
        // Seeds {0,1,2}: nearest playlists p0 (6/7) and p1 (4/6); pool minus seeds = {3, 4}.
        var (items, _) = sut.RecommendFromHistory([0, 1, 2], [1f, 1, 1], 10);
        Assert.Equal([3, 4], items.Order());
    }

    [Fact]
    public void SaveLoad_KeepsBothPartsAndTheFillSetting()
    {
        var sut = Fit(neighbours: 1, fill: false);
        var path = Path.Combine(Path.GetTempPath(), $"encore-combined-{Guid.NewGuid():N}.bin");
        try
        {
            ModelFile.Save(sut, path);
            var loaded = Assert.IsType<PlaylistCombinedModel>(ModelLoader.Load(path));
            Assert.False(loaded.FillWithEmbedding);
            Assert.Equal(1, loaded.Neighbours);
            var (items, scores) = sut.RecommendOne(1, 10);
            var (loadedItems, loadedScores) = loaded.RecommendOne(1, 10);
            Assert.Equal(items, loadedItems);
            Assert.Equal(scores, loadedScores);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
