namespace Encore.Cli.Tests.Faults;

/// <summary>
/// <c>encore stats no-such-folder</c> exited 3 (a damaged model or snapshot file) for a folder that is simply not there;
/// every command that takes a data folder now exits 1 (a bad command line, as <c>serve --model</c>, <c>runs --store</c>
/// and <c>encore-fit train</c> do for a missing path) with a message naming the path.
/// </summary>
[Collection("console")]
public sealed class MissingDataFolderTests(ModelCommandsFixture world) : TempFolderTest("encore-missing-folder-"), IClassFixture<ModelCommandsFixture>
{
    private string Missing => Path.Combine(Dir, "no-such-folder");

    public static TheoryData<string[]> CommandsTakingADataFolder => new()
    {
        { ["stats", "{missing}"] },
        { ["train", "{missing}", "--model", "popularity", "-o", "{dir}/m.bin"] },
        { ["evaluate", "{missing}", "--models", "popularity", "--store", "{dir}/runs.db"] },
        { ["sweep", "{missing}", "--model", "item-knn", "--grid", "neighbours=5,10", "--store", "{dir}/runs.db"] },
        { ["tune", "{missing}", "--model", "item-knn", "--budget", "2", "--store", "{dir}/runs.db", "-o", "{dir}/t.ini"] },
        { ["check-pattern", "{missing}"] },
        { ["false-negatives", "{missing}", "--model", "{itemknn}"] },
        { ["bench", "quality", "{missing}", "--protocol", "holdout", "--models", "popularity"] },
        { ["recommend", "{itemknn}", "--user", "u1", "--dataset", "{missing}"] },
        { ["similar", "{itemknn}", "--track", "t1", "--dataset", "{missing}"] },
        { ["evaluate", "{world}", "--models", "popularity", "--protocol", "given:{missing}", "--store", "{dir}/runs.db"] },
    };

    [Theory]
    [MemberData(nameof(CommandsTakingADataFolder))]
    public async Task Command_DataFolderThatDoesNotExist_ExitsUsageNamingThePath(string[] args)
    {
        var resolved = args.Select(a => a.Replace("{missing}", Missing, StringComparison.Ordinal)
            .Replace("{dir}", Dir, StringComparison.Ordinal)
            .Replace("{itemknn}", world.ItemKnn, StringComparison.Ordinal)
            .Replace("{world}", world.World, StringComparison.Ordinal)).ToArray();

        var (code, _, error) = await ConsoleCapture.RunAsync(resolved);

        Assert.True(code == ExitCodes.Usage, $"exit {code}: {error}");
        Assert.Contains("no-such-folder", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }
}
