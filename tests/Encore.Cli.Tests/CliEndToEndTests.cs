using Encore.Data.Snapshots;

namespace Encore.Cli.Tests;

/// <summary>End-to-end runs of the <c>encore</c> command tree in-process on generated and hand-written data.</summary>
[Collection("console")]
public sealed class CliEndToEndTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Synth_ThenStats_WritesAReadableSnapshot()
    {
        var world = Path.Combine(_dir, "world");
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["synth", "-o", world, "--preset", "tiny", "--seed", "7"]));
        Assert.True(DatasetSnapshot.Read(world).Events.Count > 0);
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["stats", world]));
    }

    [Fact]
    public async Task BenchModels_TinySplitFolder_WritesResultsWithQuality()
    {
        var split = Path.Combine(_dir, "split");
        Directory.CreateDirectory(split);
        var train = new System.Text.StringBuilder("user\titem\tvalue\n");
        var test = new System.Text.StringBuilder("user\titem\tvalue\n");
        for (var u = 0; u < 20; u++)
        {
            for (var i = 0; i < 6; i++) train.Append(System.Globalization.CultureInfo.InvariantCulture, $"u{u}\ti{(u + i) % 15}\t{1 + i}\n");
            test.Append(System.Globalization.CultureInfo.InvariantCulture, $"u{u}\ti{(u + 7) % 15}\t1\n");
        }
        await File.WriteAllTextAsync(Path.Combine(split, "train.tsv"), train.ToString());
        await File.WriteAllTextAsync(Path.Combine(split, "test.tsv"), test.ToString());
        var output = Path.Combine(_dir, "bench.md");
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["bench", "models", "--shape", split, "--factors", "8", "--iterations", "2", "--bpr-epochs", "2", "--threads", "1", "-o", output]));
        var text = await File.ReadAllTextAsync(output);
        Assert.Contains("| ALS s / iteration (8 f) |", text, StringComparison.Ordinal);
        Assert.Contains("## Quality (PEERS protocol, k = 10, 20 test users)", text, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, await EncoreCli.RunAsync(["bench", "models", "--factors", "64,x", "-o", output]));
    }

    [Fact]
    public async Task ImportTable_HandWrittenCsv_ImportsEveryRow()
    {
        var csv = Path.Combine(_dir, "plays.csv");
        await File.WriteAllTextAsync(csv, "uid,song,count\nu1,s1,3\nu1,s2,1\nu2,s1,5\n");
        var output = Path.Combine(_dir, "ds");
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["import", "table", csv, "-o", output, "--set", "user=uid", "--set", "item=song", "--set", "value=count"]));
        var data = DatasetSnapshot.Read(output);
        Assert.Equal(3, data.Events.Count);
        Assert.Equal(2, data.Users.Count);
        Assert.Equal([3f, 1f, 5f], data.Events.Values);
    }

    [Fact]
    public async Task Import_BadInputInStrictMode_ExitsWithDataErrorAndKeepsOldSnapshot()
    {
        var output = Path.Combine(_dir, "ds");
        var good = Path.Combine(_dir, "good.csv");
        await File.WriteAllTextAsync(good, "user,item\na,x\nb,y\n");
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["import", "table", good, "-o", output, "--set", "user=user", "--set", "item=item"]));
        var before = DatasetSnapshot.ReadManifest(output).ContentHash;

        var bad = Path.Combine(_dir, "bad.csv");
        await File.WriteAllTextAsync(bad, "user;item\na;x\n"); // wrong delimiter
        var code = await EncoreCli.RunAsync(["import", "table", bad, "-o", output, "--strict", "--set", "user=user", "--set", "item=item"]);
        Assert.Equal(ExitCodes.BadData, code);
        Assert.Equal(before, DatasetSnapshot.ReadManifest(output).ContentHash);
    }

    [Fact]
    public async Task Import_MissingFileAndUnknownFormat_GiveNonZeroExitCodes()
    {
        Assert.Equal(ExitCodes.BadData, await EncoreCli.RunAsync(["import", "table", Path.Combine(_dir, "nope.csv"), "-o", Path.Combine(_dir, "ds"), "--set", "user=a", "--set", "item=b"]));
        Assert.Equal(ExitCodes.Usage, await EncoreCli.RunAsync(["import", "no-such-format", "x", "-o", Path.Combine(_dir, "ds")]));
        Assert.NotEqual(ExitCodes.Ok, await EncoreCli.RunAsync(["stats", Path.Combine(_dir, "not-a-snapshot")]));
    }

    [Fact]
    public async Task Demo_TinyWorld_RunsEveryStageAndSavesTheBestModel()
    {
        var output = Path.Combine(_dir, "demo");
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["demo", "-o", output, "--preset", "tiny", "--no-serve"]));
        Assert.True(File.Exists(Path.Combine(output, "world", "manifest.json")));
        Assert.Single(Directory.GetFiles(Path.Combine(output, "models"), "*.bin"));
        Assert.Contains("<figure", await File.ReadAllTextAsync(Path.Combine(output, "report.html")), StringComparison.Ordinal);
        Assert.True(new Encore.Evaluation.Runs.SqliteRunStore(Path.Combine(output, "encore.db")).List().Count >= 6);
    }
}
