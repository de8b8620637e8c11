using Encore.Core.Ids;
using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Als;
using Encore.Models.Neighbourhood;

namespace Encore.Models.Tests.Factorization;

/// <summary>
/// A cosine is in [-1, 1]; float rounding of dot / (|a| |b|) for parallel vectors can land just above 1
/// (a new user's trial saw <c>encore similar</c> print 1.0000001 for an ALS model). Similar-items and
/// similar-users answers that are cosines must stay in range.
/// </summary>
public sealed class CosineRangeTests
{
    private const int Copies = 400;

    [Fact]
    public void FactorModel_SimilarItems_ParallelVectors_ScoresNeverAboveOne()
    {
        var sut = ParallelFactors();
        var (items, scores) = sut.SimilarItems(0, Copies);
        Assert.Equal(Copies - 1, items.Length);
        Assert.All(scores, s => Assert.InRange(s, 0.999f, 1f));
    }

    [Fact]
    public void FactorModel_SimilarUsers_ParallelVectors_ScoresNeverAboveOne()
    {
        var sut = ParallelFactors();
        var (users, scores) = sut.SimilarUsers(0, Copies);
        Assert.Equal(Copies - 1, users.Length);
        Assert.All(scores, s => Assert.InRange(s, 0.999f, 1f));
    }

    [Fact]
    public void FactorModel_SimilarItems_OppositeVectors_ScoresNeverBelowMinusOne()
    {
        var sut = ParallelFactors(alternateSign: true);
        var (_, scores) = sut.SimilarItems(0, Copies);
        Assert.All(scores, s => Assert.True(s >= -1f && s <= 1f, $"cosine {s:R} is outside [-1, 1]"));
        Assert.Contains(scores, s => s < -0.999f);
    }

    [Fact]
    public void ItemKnn_ProportionalWeightedRows_SimilaritiesNeverAboveOne()
    {
        // Every item's column is a multiple of the same user vector: all cosines are 1 exactly in real arithmetic.
        var rng = new Rng(7);
        const int users = 9;
        var shape = Enumerable.Range(0, users).Select(_ => 1 + (float)rng.NextDouble() * 50).ToArray();
        var rows = new List<int>();
        var cols = new List<int>();
        var values = new List<float>();
        for (var i = 0; i < Copies; i++)
        {
            var scale = 0.1f + (float)rng.NextDouble() * 20;
            for (var u = 0; u < users; u++)
            {
                rows.Add(u);
                cols.Add(i);
                values.Add(shape[u] * scale);
            }
        }
        var data = TrainingData.FromMatrix(CsrMatrix.FromTriples(users, Copies, [.. rows], [.. cols], [.. values]));
        var sut = (ItemKnnModel)new ItemKnnTrainer(new ItemKnnOptions { Similarity = SimilarityKind.Cosine, Neighbours = Copies, Shrink = 0, BinaryInput = false }).Fit(data);
        for (var i = 0; i < Copies; i += 37)
        {
            var (_, scores) = sut.SimilarItems(i, Copies);
            Assert.All(scores, s => Assert.True(s <= 1f, $"cosine {s:R} of item {i} is above 1"));
        }
    }

    // Copies of one random vector at random scales (and, if asked, alternating signs), as both user and item factors.
    private static AlsModel ParallelFactors(bool alternateSign = false)
    {
        const int d = 16;
        var rng = new Rng(11);
        var direction = Enumerable.Range(0, d).Select(_ => (float)rng.NextGaussian()).ToArray();
        var factors = new float[Copies * d];
        for (var c = 0; c < Copies; c++)
        {
            var scale = (0.01f + (float)rng.NextDouble() * 10) * (alternateSign && c % 2 == 1 ? -1 : 1);
            for (var f = 0; f < d; f++) factors[c * d + f] = direction[f] * scale;
        }
        var ids = Enumerable.Range(0, Copies).ToArray();
        var seen = CsrMatrix.FromTriples(Copies, Copies, ids, ids, [.. Enumerable.Repeat(1f, Copies)]);
        return new AlsModel(IdMap.FromIds(ids.Select(u => "u" + u)), IdMap.FromIds(ids.Select(t => "t" + t)),
            seen, d, factors, (float[])factors.Clone(), 1f, 0.01f);
    }
}
