using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization;
using Encore.Models.Factorization.Warp;
using Encore.Models.Tests.Contract;
using Encore.Models.Training;

namespace Encore.Models.Tests.Factorization.Warp;

public sealed class WarpTrainerTests
{
    private static readonly TrainingData Planted = PlantedBlocks.Create();

    [Fact]
    public void Fit_OneThreadSameSeed_GivesIdenticalFactors()
    {
        var options = new WarpOptions { Factors = 8, Iterations = 10, Threads = 1 };
        var a = new WarpTrainer(options).Fit(Planted);
        var b = new WarpTrainer(options).Fit(Planted);
        Assert.Equal(a.UserFactors.ToArray(), b.UserFactors.ToArray());
        Assert.Equal(a.ItemFactors.ToArray(), b.ItemFactors.ToArray());
        var c = new WarpTrainer(options with { Seed = 43 }).Fit(Planted);
        Assert.NotEqual(a.ItemFactors.ToArray(), c.ItemFactors.ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Fit_BlockMatrix_HeldOutOwnBlockItemsRankAboveOtherBlocks(int threads)
    {
        var data = BlockMatrix.Create();
        var sut = new WarpTrainer(new WarpOptions { Factors = 8, Iterations = 30, Threads = threads }).Fit(data);
        var good = Enumerable.Range(0, data.UserCount).Count(u => BlockMatrix.OwnBlockFirst(sut, u));
        Assert.True(good >= 0.95 * data.UserCount, $"{good} of {data.UserCount}");
    }

    [Fact]
    public void Fit_Progress_LossFallsAndUnviolatedShareRises()
    {
        var reports = new List<EpochReport>();
        new WarpTrainer(new WarpOptions { Factors = 8, Iterations = 20, Threads = 1 }).Fit(Planted, new AlsTrainerTests.ListProgress(reports));
        Assert.Equal(20, reports.Count);
        Assert.True(reports[^1].Loss < reports[0].Loss, $"{reports[0].Loss} -> {reports[^1].Loss}");
        Assert.True(reports[^1].ValidationMetric > reports[0].ValidationMetric, $"{reports[0].ValidationMetric} -> {reports[^1].ValidationMetric}");
    }

    [Fact]
    public void Fit_ColdUser_HasZeroLatentVectorAndIsRankedByItemBias()
    {
        var sut = new WarpTrainer(new WarpOptions { Factors = 8, Iterations = 10, Threads = 1 }).Fit(Planted);
        var cold = PlantedBlocks.EmptyUser;
        var vector = sut.UserVector(cold).ToArray();
        Assert.All(vector[..^1], v => Assert.Equal(0f, v));
        Assert.Equal(1f, vector[^1]);
        var items = Enumerable.Range(0, Planted.ItemCount).ToArray();
        var scores = new float[items.Length];
        sut.Score(cold, items, scores);
        var biases = items.Select(i => sut.ItemVector(i)[^1]).ToArray();
        Assert.Equal(biases, scores);
        // The bias is a learned popularity: the planted blocks' items were stepped up, so biases are not all 0.
        Assert.Contains(biases, b => b != 0f);
    }

    [Fact]
    public void Options_ZeroIterations_Throw()
    {
        // Zero epochs would save the random start as a fitted model.
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new WarpOptions { Iterations = 0 });
        Assert.Contains("Iterations", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ItemBiasStart_LatentUniform_UserConstantOne_ItemBiasZero()
    {
        const int d = 4;
        var (users, items) = FactorInit.ItemBiasStart(3, 5, d, seed: 7);
        Assert.Equal(3 * (d + 1), users.Length);
        Assert.Equal(5 * (d + 1), items.Length);
        for (var r = 0; r < 3; r++) Assert.Equal(1f, users[r * (d + 1) + d]);
        for (var r = 0; r < 5; r++) Assert.Equal(0f, items[r * (d + 1) + d]);
        var latent = users.Where((_, k) => k % (d + 1) != d).Concat(items.Where((_, k) => k % (d + 1) != d)).ToArray();
        Assert.All(latent, v => Assert.InRange(v, -0.5f / d, 0.5f / d));
        Assert.True(latent.Distinct().Count() > latent.Length / 2);
        Assert.Equal(users, FactorInit.ItemBiasStart(3, 5, d, seed: 7).Users);
    }

    [Fact]
    public void SampleWeights_ValueWeighting_IsValueOverMean()
    {
        var m = CsrMatrix.FromTriples(2, 3, [0, 0, 1], [0, 2, 1], [1f, 3f, 2f]);
        Assert.Equal([1f, 1f, 1f], WarpTrainer.SampleWeights(m, WarpWeighting.Binary));
        Assert.Equal([0.5f, 1.5f, 1f], WarpTrainer.SampleWeights(m, WarpWeighting.Value));
    }

    [Fact]
    public void Fit_ValueWeighting_ChangesTheModel()
    {
        var binary = new WarpTrainer(new WarpOptions { Factors = 8, Iterations = 5, Threads = 1 }).Fit(Planted);
        var weighted = new WarpTrainer(new WarpOptions { Factors = 8, Iterations = 5, Threads = 1, Weighting = WarpWeighting.Value }).Fit(Planted);
        Assert.NotEqual(binary.ItemFactors.ToArray(), weighted.ItemFactors.ToArray());
    }

    [Fact]
    public void Catalog_BindsEveryOption()
    {
        var sut = (WarpTrainer)TrainerCatalog.Create("warp", TrainerCatalog.ParseSettings(
            ["factors=32", "learning-rate=0.1", "regularization=0.001", "iterations=12", "max-sampled=50", "weighting=value", "seed=5", "threads=1"]));
        Assert.Equal(new WarpOptions
        {
            Factors = 32,
            LearningRate = 0.1,
            Regularization = 0.001,
            Iterations = 12,
            MaxSampled = 50,
            Weighting = WarpWeighting.Value,
            Seed = 5,
            Threads = 1,
        }, sut.Options);
        Assert.Equal("warp", sut.ModelName);
    }

    [Theory]
    [InlineData("factors=0")]
    [InlineData("learning-rate=0")]
    [InlineData("regularization=-0.1")]
    [InlineData("iterations=-1")]
    [InlineData("max-sampled=0")]
    [InlineData("weighting=log2")]
    public void Catalog_BadValue_Throws(string setting) =>
        Assert.ThrowsAny<ArgumentException>(() => TrainerCatalog.Create("warp", TrainerCatalog.ParseSettings([setting])));

    [Fact]
    public void Defaults_AreLightFms()
    {
        var sut = new WarpOptions();
        Assert.Equal((64, 0.05, 0.0, 30, 10, WarpWeighting.Binary), (sut.Factors, sut.LearningRate, sut.Regularization, sut.Iterations, sut.MaxSampled, sut.Weighting));
    }

    [Fact]
    public void Repeatability_MoreThanOneThread_CarriesTheHogwildCaveat()
    {
        Assert.Null(Repeatability.Caveat("warp", new Dictionary<string, string> { ["threads"] = "1" }));
        Assert.NotNull(Repeatability.Caveat("warp", new Dictionary<string, string> { ["threads"] = "2" }));
    }
}
