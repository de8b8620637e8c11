using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Neighbourhood;

namespace Encore.Models.Tests.Neighbourhood;

/// <summary>
/// Hand-computed similarities on a 3 users x 4 items matrix (docs/models-knn.md works the same example):
/// The hand-worked values use the raw matrix values, so these tests switch BinaryInput off.
/// u0 = {i0: 1, i1: 4}, u1 = {i0: 2, i2: 1}, u2 = {i1: 9}; i3 has no users.
/// Item rows: i0 = (u0 1, u1 2), i1 = (u0 4, u2 9), i2 = (u1 1). idf(u0) = idf(u1) = ln(4/3), idf(u2) = ln 2.
/// </summary>
public sealed class SimilarityValueTests
{
    private static readonly TrainingData Data = TrainingData.FromMatrix(CsrMatrix.FromTriples(3, 4,
        [0, 0, 1, 1, 2], [0, 1, 0, 2, 1], [1f, 4f, 2f, 1f, 9f]));

    private static ItemKnnModel Fit(SimilarityKind kind, float shrink = 0) =>
        (ItemKnnModel)new ItemKnnTrainer(new ItemKnnOptions { Similarity = kind, Neighbours = 3, Shrink = shrink, BinaryInput = false }).Fit(Data);

    [Fact]
    public void ItemKnn_Cosine_MatchesHandValues()
    {
        var sut = Fit(SimilarityKind.Cosine).Similarities;
        Assert.Equal(4 / Math.Sqrt(5 * 97), sut.Get(0, 1), 6); // 0.181631
        Assert.Equal(2 / Math.Sqrt(5), sut.Get(0, 2), 6);      // 0.894427
        Assert.Equal(4 / Math.Sqrt(5 * 97), sut.Get(1, 0), 6);
        Assert.Equal(0, sut.RowLength(3));
        Assert.Equal(0f, sut.Get(1, 2));
        Assert.Equal(0f, sut.Get(0, 0));
    }

    [Fact]
    public void ItemKnn_CosineWithShrink_AddsShrinkToDenominator()
    {
        var sut = Fit(SimilarityKind.Cosine, shrink: 1).Similarities;
        Assert.Equal(4 / (Math.Sqrt(5 * 97) + 1), sut.Get(0, 1), 6); // 0.173741
    }

    [Fact]
    public void ItemKnn_TfIdf_MatchesHandValues()
    {
        // w = sqrt(x) * idf: i0 = (a, sqrt2 a), i1 = (2a, 3b), i2 = (a) with a = ln(4/3), b = ln 2.
        var sut = Fit(SimilarityKind.TfIdf).Similarities;
        Assert.Equal(0.153963, sut.Get(0, 1), 5); // 2a / (sqrt3 sqrt(4a^2 + 9b^2))
        Assert.Equal(Math.Sqrt(2.0 / 3), sut.Get(0, 2), 5); // 0.816497
    }

    [Fact]
    public void ItemKnn_Bm25_MatchesHandValues()
    {
        // w = x * 101 / (100 L + x) * idf, L = 0.2 + 0.8 |row| / 4.25 with |i0| = 3, |i1| = 13, |i2| = 1.
        var sut = Fit(SimilarityKind.Bm25).Similarities;
        Assert.Equal(0.083433, sut.Get(0, 1), 5);
        Assert.Equal(0.892112, sut.Get(0, 2), 5);
    }

    [Fact]
    public void ItemKnn_ScoreAndExplain_SumHistoryTimesSimilarity()
    {
        var sut = Fit(SimilarityKind.Cosine);
        var scores = new float[1];
        sut.Score(0, [2], scores); // u0 = {i0: 1, i1: 4}: 1 * sim(0, 2) + 4 * sim(1, 2) = 0.894427
        Assert.Equal(2 / Math.Sqrt(5), scores[0], 6);
        var (items, contributions) = sut.Explain(0, 2, 5);
        Assert.Equal([0], items);
        Assert.Equal(2 / Math.Sqrt(5), contributions[0], 6);
    }

    [Fact]
    public void ItemKnn_NeighboursLimit_KeepsTopKPerRow()
    {
        var sut = (ItemKnnModel)new ItemKnnTrainer(new ItemKnnOptions { Neighbours = 1, Shrink = 0, BinaryInput = false }).Fit(Data);
        Assert.Equal([2], sut.Similarities.RowIndices(0).ToArray());
        var (items, scores) = sut.SimilarItems(0, 5);
        Assert.Equal([2], items);
        Assert.Equal(2 / Math.Sqrt(5), scores[0], 6);
    }

    [Fact]
    public void UserKnn_Cosine_MatchesHandValues()
    {
        var sut = (UserKnnModel)new UserKnnTrainer(new UserKnnOptions { Neighbours = 2, BinaryInput = false }).Fit(Data);
        Assert.Equal(2 / Math.Sqrt(85), sut.Neighbours.Get(0, 1), 6); // 0.216930
        Assert.Equal(4 / Math.Sqrt(17), sut.Neighbours.Get(0, 2), 6); // 0.970143
        Assert.Equal(0f, sut.Neighbours.Get(1, 2));
        var (users, _) = sut.SimilarUsers(0, 2);
        Assert.Equal([2, 1], users);
    }

    [Fact]
    public void UserKnn_History_UsesTopKTrainingUsers()
    {
        var sut = (UserKnnModel)new UserKnnTrainer(new UserKnnOptions { Neighbours = 2, BinaryInput = false }).Fit(Data);
        // History = u0's row: neighbours u0 (sim 1) and u2 (4 / sqrt17); i1 = 1 * 4 + (4 / sqrt17) * 9, i0 = 1 * 1.
        var (items, scores) = sut.RecommendFromHistory([0, 1], [1f, 4f], 4, new RecommendOptions { ExcludeSeen = false });
        Assert.Equal([1, 0], items); // i2 and i3 score 0: no evidence, so not recommendations (issue 12)
        Assert.Equal(4 + 36 / Math.Sqrt(17), scores[0], 5);
        Assert.Equal(1, scores[1], 6);
    }

    [Fact]
    public void Options_InvalidValues_AreRefusedWithTheirName()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ItemKnnOptions { Neighbours = 0 });
        Assert.Contains("Neighbours", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new UserKnnOptions { Bm25B = 2 });
    }
}
