using Encore.Data.Synthetic;
using Encore.Evaluation.Bandits;
using Encore.Models.Factorization.Als;

namespace Encore.Evaluation.Tests.Bandits;

public sealed class CollaborativeArmFeaturesTests
{
    private static readonly SyntheticWorld World = SyntheticWorld.Generate(SyntheticWorldOptions.Tiny);

    private static readonly AlsOptions Als = new() { Factors = 8, Regularization = 1, Iterations = 5, Threads = 1 };

    [Fact]
    public void Standardise_ColumnsHaveMeanZero_RowsMeanSquaredNormOne_ConstantColumnZero()
    {
        float[] values = [1, 5, 7, 2, 5, 9, 3, 5, 11, 4, 5, 13];
        CollaborativeArmFeatures.Standardise(values, 4, 3);
        for (var c = 0; c < 3; c++) Assert.Equal(0, Enumerable.Range(0, 4).Sum(r => values[r * 3 + c]), 5);
        Assert.All(Enumerable.Range(0, 4), r => Assert.Equal(0f, values[r * 3 + 1]));
        var meanSquaredNorm = Enumerable.Range(0, 4).Average(r => values.Skip(r * 3).Take(3).Sum(v => (double)v * v));
        Assert.Equal(2.0 / 3, meanSquaredNorm, 5);
    }

    [Theory]
    [InlineData(ArmContext.Embedding, 16)]
    [InlineData(ArmContext.Factors, 8)]
    [InlineData(ArmContext.Both, 24)]
    public void Build_GivesOneRowPerTrackOfTheContextsWidth(ArmContext context, int width)
    {
        var features = CollaborativeArmFeatures.Build(World.Dataset, context, Als, out var d, out var label);
        Assert.Equal(width, d);
        Assert.Equal(World.Dataset.Tracks.Count * width, features.Length);
        Assert.All(features, v => Assert.True(float.IsFinite(v)));
        Assert.StartsWith(context.Name(), label, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SameSettings_SameFeatures()
    {
        var a = CollaborativeArmFeatures.Build(World.Dataset, ArmContext.Factors, Als, out _, out _);
        var b = CollaborativeArmFeatures.Build(World.Dataset, ArmContext.Factors, Als, out _, out _);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Parse_UnknownContext_NamesTheChoices()
    {
        Assert.Equal(ArmContext.Both, ArmContexts.Parse(" Both "));
        Assert.Contains("embedding, factors, both", Assert.Throws<ArgumentException>(() => ArmContexts.Parse("audio")).Message, StringComparison.Ordinal);
    }
}
