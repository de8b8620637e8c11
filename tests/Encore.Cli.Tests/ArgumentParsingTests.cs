using Encore.Cli.Arguments;
using Encore.Data.Aggregation;
using Encore.Data.Model;

namespace Encore.Cli.Tests;

public sealed class ArgumentParsingTests
{
    [Fact]
    public void Weights_ListedKinds_OthersWeighZero()
    {
        var weights = EventWeightsArgument.Parse("play=1, like=2.5,skip=-0.5");
        Assert.Equal(1f, weights[EventKind.Play]);
        Assert.Equal(2.5f, weights[EventKind.Like]);
        Assert.Equal(-0.5f, weights[EventKind.Skip]);
        Assert.Equal(0f, weights[EventKind.PlaylistAdd]);
        Assert.Equal(3f, EventWeightsArgument.Parse("playlist-add=3")[EventKind.PlaylistAdd]);
        Assert.Same(EventKindWeights.Default, EventWeightsArgument.Parse(null));
    }

    [Fact]
    public void Weights_BadPairs_Throw()
    {
        Assert.Throws<ArgumentException>(() => EventWeightsArgument.Parse("play"));
        Assert.Throws<ArgumentException>(() => EventWeightsArgument.Parse("play=lots"));
        Assert.Contains("unknown event kind 'jump'", Assert.Throws<ArgumentException>(() => EventWeightsArgument.Parse("jump=1")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("none", "none")]
    [InlineData("log1p", "log1p")]
    [InlineData("linear:40", "linear(alpha=40)")]
    [InlineData("log:10", "log(alpha=10, eps=1E-08)")]
    [InlineData("TFIDF", "tfidf")]
    public void Confidence_Names_MapToTransforms(string text, string name) => Assert.Equal(name, ConfidenceArgument.Parse(text).Name);

    [Fact]
    public void Confidence_Bm25WithParameters_IsAccepted()
    {
        Assert.NotNull(ConfidenceArgument.Parse("bm25"));
        Assert.NotNull(ConfidenceArgument.Parse("bm25:100:0.8"));
        Assert.Throws<ArgumentException>(() => ConfidenceArgument.Parse("linear"));
        Assert.Throws<ArgumentException>(() => ConfidenceArgument.Parse("linear:x"));
    }

    [Fact]
    public void IdList_CommasAndRepeats_AreFlattened()
    {
        Assert.Equal(["a", "b", "c"], IdList.Parse(["a, b", "c,"], "--history"));
        Assert.Null(IdList.ParseOptional(null, "--allow"));
    }

    // `recommend m.bin --group 101,,102` answered for 101 and 102 without a word about the missing member (s13-user1).
    [Theory]
    [InlineData("101,,102", 2)]
    [InlineData(",101", 1)]
    [InlineData("", 1)]
    [InlineData("a, ,b", 2)]
    public void IdList_EmptyId_IsAnErrorNamingOptionAndPosition(string value, int position)
    {
        var ex = Assert.Throws<ArgumentException>(() => IdList.Parse([value], "--group"));

        Assert.Contains($"--group '{value}' has an empty id at position {position}", ex.Message, StringComparison.Ordinal);
    }
}
