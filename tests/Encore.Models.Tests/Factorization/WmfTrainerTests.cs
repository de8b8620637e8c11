using Encore.Core.Ids;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Als;
using Encore.Models.Factorization.Wmf;
using Encore.Models.Tests.Contract;

namespace Encore.Models.Tests.Factorization;

public sealed class WmfContractTests : RecommenderContractTests
{
    // alpha 0.1 puts c = 1 + 0.1 ln(1 + s / eps) ~ 2.9 in the regime of the ALS contract (c = 1 + s, lambda 0.1).
    protected override IRecommenderTrainer CreateTrainer() => new WmfTrainer(new WmfOptions { Factors = 8, Regularization = 0.1, Alpha = 0.1, Iterations = 10, RepeatWeight = 0.5 });
}

public sealed class WmfTrainerTests
{
    private static TrainingData Data(int users, int items, (int User, int Item, float Score)[] triples) => new(
        CsrMatrix.FromTriples(users, items, [.. triples.Select(t => t.User)], [.. triples.Select(t => t.Item)], [.. triples.Select(t => t.Score)]),
        IdMap.FromIds(Enumerable.Range(0, users).Select(u => $"u{u}")), IdMap.FromIds(Enumerable.Range(0, items).Select(i => $"t{i}")));

    [Fact]
    public void Confidence_SpecS1Formula_KeepsOnlyPreferredPairs()
    {
        var scores = Data(2, 3, [(0, 0, 0f), (0, 1, 1f), (1, 2, 3f), (1, 0, 0.5f)]).Interactions;

        var sut = WmfTrainer.Confidence(scores, new WmfOptions());

        // p = [score >= 1]; ALS then weighs c = 1 + 40 * value, so value = ln(1 + s / 1e-8).
        Assert.Equal(2, sut.NonZeros);
        Assert.Equal([1], sut.RowIndices(0).ToArray());
        Assert.Equal((float)Math.Log(1 + 1 / 1e-8), sut.RowValues(0)[0], 5);
        Assert.Equal((float)Math.Log(1 + 3 / 1e-8), sut.RowValues(1)[0], 5);
    }

    [Fact]
    public void Fit_SameAsAlsOnTheSpecConfidence()
    {
        var data = PlantedBlocks.Create();
        var options = new WmfOptions { Factors = 6, Regularization = 2, Iterations = 4 };

        var sut = new WmfTrainer(options).Fit(data);
        var als = new AlsTrainer(new AlsOptions { Factors = 6, Regularization = 2, Iterations = 4, Alpha = 40 })
            .Fit(new TrainingData(WmfTrainer.Confidence(data.Interactions, options), data.Users, data.Items));

        Assert.Equal(als.UserFactors.ToArray(), sut.Factors.UserFactors.ToArray());
        Assert.Equal(40f, sut.Factors.Alpha);
    }

    [Fact]
    public void Score_RepeatWeight_AddsBetaLogOnePlusScoreToPlayedTracks()
    {
        var data = PlantedBlocks.Create();
        var plain = new WmfTrainer(new WmfOptions { Factors = 4, Regularization = 1, Iterations = 3 }).Fit(data);
        var sut = new WmfTrainer(new WmfOptions { Factors = 4, Regularization = 1, Iterations = 3, RepeatWeight = 0.25 }).Fit(data);
        var all = Enumerable.Range(0, data.ItemCount).ToArray();
        var a = new float[all.Length];
        var b = new float[all.Length];
        plain.Score(0, all, a);
        sut.Score(0, all, b);

        var played = data.Interactions.RowIndices(0).ToArray();
        var values = data.Interactions.RowValues(0).ToArray();
        for (var i = 0; i < all.Length; i++)
        {
            var p = Array.IndexOf(played, i);
            var expected = a[i] + (p < 0 ? 0 : 0.25f * MathF.Log(1 + values[p]));
            Assert.Equal(expected, b[i], 4);
        }
    }

    [Fact]
    public void Score_PopularityWeight_AddsGammaLogOnePlusTrackTotalToEveryTrack()
    {
        // Track totals over users: t0 = 3 + 1 = 4, t1 = 2, t2 = 0 (a negative score is not popularity).
        var data = Data(3, 3, [(0, 0, 3f), (1, 0, 1f), (1, 1, 2f), (2, 2, -1f), (2, 1, 0f)]);
        var options = new WmfOptions { Factors = 2, Regularization = 1, Iterations = 2 };
        var plain = new WmfTrainer(options).Fit(data);
        var sut = new WmfTrainer(options with { PopularityWeight = 0.5 }).Fit(data);
        int[] all = [0, 1, 2];
        var a = new float[3];
        var b = new float[3];
        plain.Score(0, all, a);
        sut.Score(0, all, b);

        Assert.Equal(a[0] + 0.5f * MathF.Log(5), b[0], 4);
        Assert.Equal(a[1] + 0.5f * MathF.Log(3), b[1], 4);
        Assert.Equal(a[2], b[2], 4);
    }

    [Fact]
    public void WriteRead_KeepsBothTerms()
    {
        var data = PlantedBlocks.Create();
        var sut = new WmfTrainer(new WmfOptions { Factors = 3, Iterations = 2, RepeatWeight = 0.5, PopularityWeight = 0.25 }).Fit(data);
        var path = Path.Combine(Path.GetTempPath(), $"wmf-{Guid.NewGuid():N}.bin");
        try
        {
            Encore.Models.Files.ModelFile.Save(sut, path);
            var back = Assert.IsType<WmfModel>(Encore.Models.Files.ModelLoader.Load(path));
            var all = Enumerable.Range(0, data.ItemCount).ToArray();
            var a = new float[all.Length];
            var b = new float[all.Length];
            sut.Score(1, all, a);
            back.Score(1, all, b);

            Assert.Equal(0.25f, back.PopularityWeight);
            Assert.Equal(a, b);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Fit_NoScoreReachesTheThreshold_ThrowsWithTheReason()
    {
        var data = Data(2, 2, [(0, 0, 0f), (1, 1, 0.5f)]);

        var error = Assert.Throws<ArgumentException>(() => new WmfTrainer().Fit(data));

        Assert.Contains("preference threshold", error.Message, StringComparison.Ordinal);
    }
}
