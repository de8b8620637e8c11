namespace Encore.Cli.Tests.Faults;

/// <summary>
/// Hints that print a command to run put the user's paths into it unquoted: <c>encore tune ium23 --model als -o "tuned
/// als.ini"</c> printed <c>use it with: encore evaluate ium23 ... --settings tuned als.ini</c>, and <c>encore recommend
/// "uni ds" --user u1</c> suggested <c>encore train uni ds --model ...</c>; pasted, both split the path in two. A path
/// with a space (or any shell character) is now single-quoted in every such hint.
/// </summary>
[Collection("console")]
public sealed class SuggestedCommandQuotingTests() : TempFolderTest("encore-quoting-")
{
    private string World => Path.Combine(Dir, "my world");

    private string Store => Path.Combine(Dir, "my runs.db");

    private async Task MakeWorld() => Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["synth", "-o", World, "--preset", "tiny", "--seed", "7"]));

    [Fact]
    public async Task Recommend_SnapshotFolderWithSpace_SuggestsTrainWithTheFolderQuoted()
    {
        await MakeWorld();

        var (code, _, error) = await ConsoleCapture.RunAsync("recommend", World, "--user", "u1");

        Assert.Equal(ExitCodes.BadModelFile, code);
        Assert.Contains($"`encore train '{World}' --model <name> -o model.bin`", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tune_PathsWithSpaces_UseItWithLineQuotesThem()
    {
        await MakeWorld();
        var ini = Path.Combine(Dir, "tuned knn.ini");

        var (code, output, error) = await ConsoleCapture.RunAsync("tune", World, "--model", "item-knn", "--budget", "2", "--recheck", "0",
            "--store", Store, "-o", ini);

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains($"use it with: encore evaluate '{World}' --protocol holdout --models item-knn --settings '{ini}'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunsShow_UnknownRunInStoreWithSpace_SeeRunsListHintQuotesTheStore()
    {
        await MakeWorld();
        Assert.Equal(ExitCodes.Ok, (await ConsoleCapture.RunAsync("evaluate", World, "--models", "popularity", "--store", Store)).Code);

        var (code, _, error) = await ConsoleCapture.RunAsync("runs", "show", "r-no-such-run", "--store", Store);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"(see 'encore runs list --store '{Store}'')", error, StringComparison.Ordinal);
    }
}
