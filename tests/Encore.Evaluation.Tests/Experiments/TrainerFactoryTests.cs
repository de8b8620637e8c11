using Encore.Evaluation.Experiments;
using Encore.Models.Factorization.Als;
using Encore.Models.Neighbourhood;

namespace Encore.Evaluation.Tests.Experiments;

public sealed class TrainerFactoryTests
{
    [Fact]
    public void Create_SettingsInAnySpelling_AreAppliedAndDescribed()
    {
        var (trainer, parameters) = TrainerFactory.Create("ALS", new Dictionary<string, string> { ["factors"] = "32", ["cg_steps"] = "5", ["Regularization"] = "0.5" }, seed: 7);

        var options = Assert.IsType<AlsTrainer>(trainer).Options;
        Assert.Equal((32, 5, 0.5, 7UL), (options.Factors, options.CgSteps, options.Regularization, options.Seed));
        Assert.Equal("32", parameters["factors"]);
        Assert.Equal("conjugate-gradient", parameters["solver"]);
        Assert.Equal("7", parameters["seed"]);
    }

    [Fact]
    public void Create_EnumSetting_MatchesKebabCase()
    {
        var (trainer, _) = TrainerFactory.Create("item-knn", new Dictionary<string, string> { ["similarity"] = "bm25" });
        Assert.Equal(SimilarityKind.Bm25, Assert.IsType<ItemKnnTrainer>(trainer).Options.Similarity);
    }

    [Theory]
    [InlineData("bpr", null, "all cores")]
    [InlineData("lmf", "4", "4 threads")]
    [InlineData("warp", "2", "2 threads")]
    public void Create_HogwildModelOnSeveralThreads_RecordsThatTheSeedDoesNotRepeatIt(string model, string? threads, string expected)
    {
        var settings = threads is null ? null : new Dictionary<string, string> { ["threads"] = threads };

        var (_, parameters) = TrainerFactory.Create(model, settings, seed: 3);

        Assert.StartsWith("no: " + expected, parameters[Models.Training.Repeatability.Key], StringComparison.Ordinal);
        Assert.Contains("threads=1", parameters[Models.Training.Repeatability.Key], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bpr", "1")]
    [InlineData("lmf", "1")]
    [InlineData("warp", "1")]
    [InlineData("als", "4")]
    [InlineData("item-knn", "0")]
    public void Create_RepeatableSetting_RecordsNoCaveat(string model, string threads)
    {
        var (_, parameters) = TrainerFactory.Create(model, new Dictionary<string, string> { ["threads"] = threads });

        Assert.False(parameters.ContainsKey(Models.Training.Repeatability.Key));
    }

    [Theory]
    [InlineData("als", "factor", "unknown setting 'factor'")]
    [InlineData("als", "factors", "factors=many")]
    [InlineData("als", "regularization", "out of range")]
    [InlineData("nope", "factors", "unknown model 'nope'")]
    [InlineData("playlist-knn", "neighbours", "unknown model 'playlist-knn'")]
    public void Create_BadInput_ExplainsWhatIsWrong(string model, string key, string expected)
    {
        var value = key == "regularization" ? "-1" : "many";
        var error = Assert.ThrowsAny<ArgumentException>(() => TrainerFactory.Create(model, new Dictionary<string, string> { [key] = value }));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseNames_AllAndLists_KeepOrder()
    {
        Assert.Equal(TrainerFactory.Names, TrainerFactory.ParseNames("all"));
        Assert.Equal(["als", "popularity"], TrainerFactory.ParseNames("als, Popularity,als"));
        Assert.Throws<ArgumentException>(() => TrainerFactory.ParseNames("als,svd"));
    }
}
