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
