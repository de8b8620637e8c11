namespace Encore.Cli.Tests;

/// <summary>evaluate --protocol playlist-challenge | playlist-hide-first | sampled-negatives on the tiny synthetic world's playlists.</summary>
[Collection("console")]
public sealed class PlaylistProtocolCommandTests() : TempFolderTest("encore-playlists-cli-")
{
    [Fact]
    public async Task Evaluate_PlaylistProtocols_PrintEveryCategoryAndMetric()
    {
        var world = Path.Combine(Dir, "world");
        Assert.Equal(ExitCodes.Ok, (await ConsoleCapture.RunAsync("synth", "-o", world, "--preset", "tiny", "--seed", "7")).Code);

        var challenge = await ConsoleCapture.RunAsync("evaluate", world, "--protocol", "playlist-challenge", "--models", "popularity,playlist-knn", "--set", "protocol.playlists=2", "--store", Path.Combine(Dir, "first.db"));
        var hide = await ConsoleCapture.RunAsync("evaluate", world, "--protocol", "playlist-hide-first", "--models", "playlist-knn", "--set", "protocol.playlists=10", "--store", Path.Combine(Dir, "first.db"));
        var bad = await ConsoleCapture.RunAsync("evaluate", world, "--protocol", "playlist-challenge", "--set", "protocol.threshold=2");

        Assert.Equal(ExitCodes.Ok, challenge.Code);
        Assert.Contains("R-precision (artist credit 0.25):", challenge.Out, StringComparison.Ordinal);
        Assert.Contains("NDCG (500):", challenge.Out, StringComparison.Ordinal);
        Assert.Contains("recommended-songs clicks", challenge.Out, StringComparison.Ordinal);
        foreach (var category in new[] { "| title only |", "| no title + first 5 |", "| title + random 100 |", "| **overall** |" })
            Assert.Contains(category, challenge.Out, StringComparison.Ordinal);
        Assert.Contains("| category | playlists | popularity | playlist-knn |", challenge.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, hide.Code);
        Assert.Contains("| hide first track | 10 |", hide.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, bad.Code);
        Assert.Contains("protocol.playlists", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_SampledNegatives_PrintsAccuracyAucAndRandomBaselineAndRecordsRuns()
    {
        var world = Path.Combine(Dir, "world");
        var store = Path.Combine(Dir, "runs.db");
        Assert.Equal(ExitCodes.Ok, (await ConsoleCapture.RunAsync("synth", "-o", world, "--preset", "tiny", "--seed", "7")).Code);

        var run = await ConsoleCapture.RunAsync("evaluate", world, "--protocol", "sampled-negatives", "--models", "playlist-knn,playlist-combined",
            "--set", "playlist-combined.factors=4", "--set", "playlist-combined.iterations=3", "--set", "playlist-combined.threads=1", "--set", "protocol.playlists=10", "--store", store);
        var hide = await ConsoleCapture.RunAsync("evaluate", world, "--protocol", "playlist-hide-first", "--models", "playlist-knn", "--set", "protocol.playlists=10", "--store", store);
        var list = await ConsoleCapture.RunAsync("runs", "list", "--store", store, "--metric", "roc-auc", "--markdown");

        Assert.Equal(ExitCodes.Ok, run.Code);
        var playlists = System.Text.RegularExpressions.Regex.Match(run.Out, @"sampled-negatives: (\d+) playlists \(seed 42\)");
        Assert.True(playlists.Success, run.Out);
        var pairs = 2 * int.Parse(playlists.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(pairs, 2, 20); // at most the 10 asked for, one positive and one negative each
        Assert.Contains("| model | threshold (validation) | validation accuracy | accuracy [95% CI] | ROC AUC [95% CI] | test pairs | fit s |", run.Out, StringComparison.Ordinal);
        Assert.Contains("| random (1:1) |", run.Out, StringComparison.Ordinal);
        Assert.Contains("| playlist-combined |", run.Out, StringComparison.Ordinal);
        Assert.Contains($"| {pairs} |", run.Out, StringComparison.Ordinal);
        Assert.Contains("recorded 2 runs", run.Out, StringComparison.Ordinal);
        Assert.Contains("recorded 1 runs", hide.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, list.Code);
        Assert.Contains("**3 runs in", list.Out, StringComparison.Ordinal);
        Assert.Contains("| playlist-combined", list.Out, StringComparison.Ordinal);
        Assert.Contains("playlist-hide-first: 10 playlists", list.Out, StringComparison.Ordinal);
    }
}
