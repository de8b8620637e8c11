namespace Encore.Cli.Tests.Faults;

/// <summary>
/// Faults a newcomer met in session 24's trial on the public data sets (the command that showed each is in its test's
/// summary): each now exits with the documented code and a message that tells the whole story.
/// </summary>
[Collection("console")]
public sealed class TrialFaultTests() : TempFolderTest("encore-trial-")
{
    /// <summary>
    /// <c>encore import table user_artists.dat -o ds --set user=userID</c> (no item=) exited 2, "bad input data", with
    /// "(settings): field 'item'": a missing --set is a command-line mistake.
    /// </summary>
    [Fact]
    public async Task ImportTable_WithoutTheItemMapping_ExitsUsageAskingForIt()
    {
        var csv = Write("plays.csv", "user,item\nu1,t1\n");
        var output = Path.Combine(Dir, "ds");

        var (code, _, error) = await ConsoleCapture.RunAsync("import", "table", csv, "-o", output, "--set", "user=user");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("add --set item=<column>", error, StringComparison.Ordinal);
        Assert.DoesNotContain("(settings)", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    /// <summary><c>encore evaluate ds --protocol temporall</c> listed three of the eight protocols evaluate takes.</summary>
    [Fact]
    public async Task Evaluate_UnknownProtocol_ListsEveryProtocol()
    {
        var csv = Write("plays.csv", "user,item\nu1,t1\nu2,t2\n");
        var dataset = Path.Combine(Dir, "ds");
        Assert.Equal(ExitCodes.Ok, (await ConsoleCapture.RunAsync("import", "table", csv, "-o", dataset, "--set", "user=user", "--set", "item=item")).Code);

        var (code, _, error) = await ConsoleCapture.RunAsync("evaluate", dataset, "--protocol", "temporall");

        Assert.Equal(ExitCodes.Usage, code);
        foreach (var protocol in new[] { "holdout", "temporal", "given:", "six-candidate", "six-candidate:given", "playlist-challenge", "playlist-hide-first", "sampled-negatives" })
            Assert.Contains(protocol, error, StringComparison.Ordinal);
    }
}
