using Encore.Models.Blend;
using Encore.Models.Contract;
using Encore.Models.Tests.Contract;

namespace Encore.Models.Tests.Blend;

public sealed class BlendContractTests : RecommenderContractTests
{
    protected override IRecommenderTrainer CreateTrainer() =>
        new BlendTrainer(new BlendOptions { Components = "item-knn(neighbours=20)+als(factors=8, regularization=0.1, iterations=10)", Threads = 1 });
}

public sealed class BlendOptionTests
{
    [Theory]
    [InlineData("als")]
    [InlineData("als+")]
    [InlineData("ease(lambda 200)+als")]
    [InlineData("blend+als")]
    public void Components_Malformed_Throw(string text) => Assert.ThrowsAny<ArgumentException>(() => new BlendOptions { Components = text });

    [Fact]
    public void Standardise_GivesZeroMeanUnitDeviation_AndZerosForConstants()
    {
        float[] values = [1, 2, 3, 4];
        BlendModel.Standardise(values);
        Assert.Equal(0, values.Sum(), 5);
        Assert.Equal(1, values.Select(v => v * v).Average(), 4);
        float[] constant = [5, 5, 5];
        BlendModel.Standardise(constant);
        Assert.Equal([0f, 0f, 0f], constant);
    }

    [Fact]
    public void Fit_LearnsOneWeightPerComponent()
    {
        var model = (BlendModel)new BlendTrainer(new BlendOptions { Components = "popularity+item-knn(neighbours=20)", Threads = 1 }).Fit(PlantedBlocks.Create());
        Assert.Equal(2, model.Weights.Count);
        // Popularity is flat within the planted blocks; item-kNN carries the signal, so it keeps weight.
        Assert.True(model.Weights[1] > 0);
    }

    [Theory]
    [InlineData("1:x")]
    [InlineData("1:-0.5")]
    [InlineData("0:0")]
    [InlineData("1:NaN")]
    public void Weights_Malformed_Throw(string text) => Assert.ThrowsAny<ArgumentException>(() => new BlendOptions { Weights = text });

    [Fact]
    public void Fit_FixedWeights_AreKept()
    {
        var model = (BlendModel)new BlendTrainer(new BlendOptions { Components = "popularity+item-knn(neighbours=20)", Weights = "0.25:2", Threads = 1 })
            .Fit(PlantedBlocks.Create());

        Assert.Equal([0.25f, 2f], model.Weights);
    }

    [Fact]
    public void Fit_FixedWeights_ZeroOnOneComponent_RanksAsTheOther()
    {
        var data = PlantedBlocks.Create();
        var blend = new BlendTrainer(new BlendOptions { Components = "popularity+item-knn(neighbours=20)", Weights = "0:1", Threads = 1 }).Fit(data);
        var knn = Encore.Models.Training.TrainerCatalog.Create("item-knn", new Dictionary<string, string> { ["neighbours"] = "20", ["threads"] = "1" }).Fit(data);
        int[] users = [.. Enumerable.Range(0, data.Users.Count)];

        var a = blend.Recommend(users, 5);
        var b = knn.Recommend(users, 5);

        var compared = 0;
        for (var x = 0; x < users.Length; x++)
        {
            // item-kNN may list fewer items (no evidence beyond its neighbours); the blend's order agrees on that prefix.
            var expected = b.ItemsOf(x).ToArray();
            if (expected.Length == 0) continue;
            Assert.Equal(expected, a.ItemsOf(x)[..expected.Length].ToArray());
            compared++;
        }
        Assert.True(compared > users.Length / 2, $"only {compared} of {users.Length} users have item-kNN recommendations");
    }

    [Fact]
    public void Fit_FixedWeights_CountDiffersFromComponents_SaysSo()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new BlendTrainer(new BlendOptions { Components = "popularity+item-knn(neighbours=20)", Weights = "1:1:1", Threads = 1 }).Fit(PlantedBlocks.Create()));

        Assert.Contains("3 weight(s) for 2 components", error.Message, StringComparison.Ordinal);
    }
}
