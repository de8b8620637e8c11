namespace Encore.Cli.Tests;

/// <summary>evaluate --protocol playlist-challenge | playlist-hide-first on the tiny synthetic world's playlists.</summary>
[Collection("console")]
public sealed class PlaylistProtocolCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-playlists-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Evaluate_PlaylistProtocols_PrintEveryCategoryAndMetric()
    {
        var world = Path.Combine(_dir, "world");
        Assert.Equal(ExitCodes.Ok, (await ConsoleCapture.RunAsync("synth", "-o", world, "--preset", "tiny", "--seed", "7")).Code);

        var challenge = await ConsoleCapture.RunAsync("evaluate", world, "--protocol", "playlist-challenge", "--models", "popularity,playlist-knn", "--set", "protocol.playlists=2");
        var hide = await ConsoleCapture.RunAsync("evaluate", world, "--protocol", "playlist-hide-first", "--models", "playlist-knn", "--set", "protocol.playlists=10");
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
}
