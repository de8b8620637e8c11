using Encore.Data.Snapshots;
using Encore.Models.Content.Affinity;
using Encore.Models.Files;

namespace Encore.Cli.Tests;

/// <summary><c>import embeddings</c>, <c>train --model affinity</c> and <c>check-pattern</c> on the tiny synthetic world.</summary>
[Collection("console")]
public sealed class ContentCommandsTests() : TempFolderTest("encore-content-")
{
    private async Task<string> WorldAsync()
    {
        var world = Path.Combine(Dir, "world");
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["synth", "-o", world, "--preset", "tiny"]));
        return world;
    }

    [Fact]
    public async Task ImportEmbeddings_Csv_FillsTheEmbeddingColumn()
    {
        var world = await WorldAsync();
        var tracks = DatasetSnapshot.Read(world).Tracks;
        var csv = Path.Combine(Dir, "v.csv");
        await File.WriteAllTextAsync(csv, $"id,a,b,c\n{tracks[0]},1,2,3\n{tracks[1]},4,5,6\nunknown,0,0,0\n");
        var output = Path.Combine(Dir, "with-vectors");
        var (code, text, _) = await ConsoleCapture.RunAsync("import", "embeddings", csv, "--dataset", world, "-o", output);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("2 tracks matched, 1 unknown ids skipped", text, StringComparison.Ordinal);
        var info = DatasetSnapshot.Read(output).TrackInfo;
        Assert.Equal(3, info.EmbeddingDimension);
        Assert.Equal([4f, 5f, 6f], info.EmbeddingOf(1).ToArray());
    }

    [Fact]
    public async Task ImportEmbeddings_NoDatasetOrNoMatch_FailsClearly()
    {
        var world = await WorldAsync();
        var csv = Path.Combine(Dir, "v.csv");
        await File.WriteAllTextAsync(csv, "x1,1,2\nx2,3,4\n");
        Assert.Equal(ExitCodes.Usage, (await ConsoleCapture.RunAsync("import", "embeddings", csv, "-o", Path.Combine(Dir, "o"))).Code);
        var (code, _, error) = await ConsoleCapture.RunAsync("import", "embeddings", csv, "--dataset", world, "-o", Path.Combine(Dir, "o"));
        Assert.Equal(ExitCodes.BadData, code);
        Assert.Contains("none of the 2 ids", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainAffinity_ThenCheckPattern_ReportAucWithIntervals()
    {
        var world = await WorldAsync();
        var model = Path.Combine(Dir, "aff.bin");
        var (code, text, _) = await ConsoleCapture.RunAsync("train", world, "--model", "affinity", "-o", model, "--set", "components=8");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("16 -> 8 dimensions, explained variance", text, StringComparison.Ordinal);
        Assert.Contains("ROC AUC", text, StringComparison.Ordinal);
        Assert.IsType<AffinityModel>(ModelLoader.Load(model));
        var (checkCode, table, _) = await ConsoleCapture.RunAsync("check-pattern", world, "--components", "8", "--markdown");
        Assert.Equal(ExitCodes.Ok, checkCode);
        Assert.Contains("| full", table, StringComparison.Ordinal);
        Assert.Contains("| pca-8", table, StringComparison.Ordinal);
    }
}
