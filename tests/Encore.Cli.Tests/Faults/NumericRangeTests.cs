namespace Encore.Cli.Tests.Faults;

/// <summary>
/// The protocols' numeric options are refused outside their documented ranges, by name, before any data is read:
/// <c>--protocol six-candidate --set protocol.threshold=-5</c> once ran (found by s13's newcomer). The data set folder
/// does not exist, so an accepted value reports the folder instead.
/// </summary>
[Collection("console")]
public sealed class NumericRangeTests
{
    [Theory]
    [InlineData("protocol.threshold", "evaluate", "--protocol", "six-candidate", "--set", "protocol.threshold=-5")]
    [InlineData("protocol.threshold", "evaluate", "--protocol", "six-candidate", "--set", "protocol.threshold=0")]
    [InlineData("protocol.threshold", "evaluate", "--protocol", "six-candidate", "--set", "protocol.threshold=101")]
    [InlineData("protocol.threshold", "evaluate", "--protocol", "six-candidate:given", "--set", "protocol.threshold=NaN")]
    [InlineData("protocol.threshold", "evaluate", "--models", "als", "--set", "protocol.threshold=-1")]
    [InlineData("protocol.threshold", "evaluate", "--models", "als", "--protocol", "temporal", "--set", "protocol.threshold=0")]
    [InlineData("protocol.threshold", "sweep", "--model", "als", "--grid", "factors=8", "--set", "protocol.threshold=-2")]
    [InlineData("--sampled", "evaluate", "--models", "als", "--sampled", "0")]
    [InlineData("--threshold", "train", "--model", "als", "--threshold", "-4")]
    [InlineData("--threshold", "train", "--model", "hierarchy", "--threshold", "0")]
    public async Task Option_OutsideItsRange_IsRefusedByName(string option, string command, params string[] rest)
    {
        var (code, error) = await MissingDataSet.RunAsync(command, rest);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(option, error, StringComparison.Ordinal);
        Assert.DoesNotContain(MissingDataSet.Marker, error, StringComparison.Ordinal);
    }

    // The edges of the ranges are accepted: these reach the (missing) data set.
    [Theory]
    [InlineData("evaluate", "--protocol", "six-candidate", "--set", "protocol.threshold=100")]
    [InlineData("evaluate", "--protocol", "six-candidate", "--set", "protocol.threshold=0.5")]
    [InlineData("evaluate", "--models", "als", "--set", "protocol.threshold=0.5")]
    [InlineData("evaluate", "--models", "als", "--sampled", "1")]
    [InlineData("train", "--model", "als", "--threshold", "4")]
    public async Task Option_AtTheEdgeOfItsRange_IsAccepted(string command, params string[] rest)
    {
        var (_, error) = await MissingDataSet.RunAsync(command, rest);

        Assert.Contains(MissingDataSet.Marker, error, StringComparison.Ordinal);
    }
}
