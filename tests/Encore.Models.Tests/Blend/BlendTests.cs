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
}
