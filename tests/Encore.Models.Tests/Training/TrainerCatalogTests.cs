using Encore.Models.Factorization.Als;
using Encore.Models.Factorization.Bpr;
using Encore.Models.Neighbourhood;
using Encore.Models.Playlists;
using Encore.Models.Popularity;
using Encore.Models.Training;

namespace Encore.Models.Tests.Training;

public sealed class TrainerCatalogTests
{
    private static Dictionary<string, string> Settings(params string[] pairs) => TrainerCatalog.ParseSettings(pairs);

    [Fact]
    public void Create_EveryName_ReturnsTrainerOfThatModel()
    {
        Assert.Equal(["popularity", "item-knn", "user-knn", "playlist-knn", "playlist-combined", "ease", "rp3beta", "blend", "funnel", "als", "wmf", "bpr", "lmf", "warp", "vae", "affinity", "hierarchy", "friends"], TrainerCatalog.Names);
        foreach (var name in TrainerCatalog.Names) Assert.Equal(name, TrainerCatalog.Create(name).ModelName);
    }

    [Fact]
    public void Create_AlsSettings_SetsOptionsWithTypeConversion()
    {
        var trainer = (AlsTrainer)TrainerCatalog.Create("ALS", Settings("factors=128", "regularization=0.1", "iterations=20", "seed=7", "threads=2"));
        Assert.Equal(128, trainer.Options.Factors);
        Assert.Equal(0.1, trainer.Options.Regularization);
        Assert.Equal(20, trainer.Options.Iterations);
        Assert.Equal(7UL, trainer.Options.Seed);
        Assert.Equal(2, trainer.Options.Threads);
    }

    [Fact]
    public void Create_KeysInAnyCaseAndSeparator_AreMatched()
    {
        var trainer = (AlsTrainer)TrainerCatalog.Create("als", Settings("CG-STEPS=5", "calculate_loss=yes", "Solver=cholesky", "gather_precision=HALF"));
        Assert.Equal(5, trainer.Options.CgSteps);
        Assert.Equal(GatherPrecision.Half, trainer.Options.GatherPrecision);
        Assert.True(trainer.Options.CalculateLoss);
        Assert.Equal(AlsSolver.Cholesky, trainer.Options.Solver);
    }

    [Fact]
    public void Create_EnumAndBoolValues_AreParsedLoosely()
    {
        Assert.Equal(NegativeSampling.Uniform, ((BprTrainer)TrainerCatalog.Create("bpr", Settings("negatives=uniform"))).Options.Negatives);
        Assert.Equal(SimilarityKind.Bm25, ((ItemKnnTrainer)TrainerCatalog.Create("item-knn", Settings("similarity=BM25", "bm25-k1=50"))).Options.Similarity);
        Assert.Equal(PopularityScoring.SmoothedMean, ((PopularityTrainer)TrainerCatalog.Create("popularity", Settings("scoring=smoothed-mean"))).Options.Scoring);
        Assert.False(((PlaylistKnnTrainer)TrainerCatalog.Create("playlist-knn", Settings("fill-with-popular=off"))).Options.FillWithPopular);
    }

    [Fact]
    public void Create_UnknownKey_NamesKeyAndListsValidKeysOfThatModel()
    {
        var ex = Assert.Throws<ArgumentException>(() => TrainerCatalog.Create("als", Settings("factorz=8")));
        Assert.Contains("'factorz'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("factors, regularization, frequency-scaling, frequency-basis, social, alpha, iterations, cg-steps, solver, gather-precision, calculate-loss, seed, threads", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ValueOfWrongType_SaysWhatWasExpected()
    {
        var ex = Assert.Throws<ArgumentException>(() => TrainerCatalog.Create("als", Settings("factors=many")));
        Assert.Contains("factors=many", ex.Message, StringComparison.Ordinal);
        Assert.Contains("expected integer", ex.Message, StringComparison.Ordinal);
        var enumError = Assert.Throws<ArgumentException>(() => TrainerCatalog.Create("als", Settings("solver=qr")));
        Assert.Contains("conjugate-gradient|cholesky", enumError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ValueOutOfRange_PassesOnTheOptionsMessage()
    {
        var ex = Assert.Throws<ArgumentException>(() => TrainerCatalog.Create("ease", Settings("lambda=-1")));
        Assert.Contains("lambda=-1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("out of range", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownModel_ListsKnownModels()
    {
        var ex = Assert.Throws<ArgumentException>(() => TrainerCatalog.Create("svd"));
        Assert.Contains("popularity, item-knn, user-knn, playlist-knn, playlist-combined, ease, rp3beta, blend, funnel, als, wmf, bpr, lmf, warp, vae, affinity", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_Als_ListsKeysTypesAndDefaults()
    {
        var settings = TrainerCatalog.Settings("als");
        Assert.Equal(new ModelSetting("factors", "integer", "64"), settings[0]);
        Assert.Contains(new ModelSetting("solver", "conjugate-gradient|cholesky", "conjugate-gradient"), settings);
        Assert.Contains(new ModelSetting("gather-precision", "single|half|bfloat16", "bfloat16"), settings);
        Assert.Contains(new ModelSetting("seed", "non-negative integer", "42"), settings);
    }

    [Fact]
    public void ParseSettings_MissingEquals_Throws()
    {
        Assert.Throws<ArgumentException>(() => TrainerCatalog.ParseSettings(["factors"]));
        Assert.Equal("a=b", TrainerCatalog.ParseSettings([" x = a=b "])["X"]);
    }
}
