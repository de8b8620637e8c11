namespace Encore.Cli.Tests;

/// <summary>A Yahoo! R3-style rating file imported, trained and evaluated out of the box (docs/ratings.md).</summary>
[Collection("console")]
public sealed class RatingCommandsTests() : TempFolderTest("encore-ratings-cli-")
{
    private async Task<string> ImportYahoo()
    {
        var file = Path.Combine(Dir, "ydata-ymusic-rating-study-v1_0-train.txt");
        var lines = from u in Enumerable.Range(1, 30) from s in Enumerable.Range(1, 20) where (u * s) % 3 != 1 select $"{u}\t{s}\t{(u + s * 2) % 5 + 1}";
        await File.WriteAllLinesAsync(file, lines);
        var data = Path.Combine(Dir, "yahoo");
        Assert.Equal(ExitCodes.Ok, (await ConsoleCapture.RunAsync("import", "yahoo-r3", file, "-o", data)).Code);
        return data;
    }

    [Fact]
    public async Task Evaluate_YahooFile_UsesRatingsAndPrintsTheSourceThreshold()
    {
        var data = await ImportYahoo();

        var result = await ConsoleCapture.RunAsync("evaluate", data, "--models", "popularity,item-knn", "--store", Path.Combine(Dir, "runs.db"));

        Assert.Equal(ExitCodes.Ok, result.Code);
        Assert.Contains("relevant = score >= 4 (yahoo-r3 default: >= 4 of 1..5)", result.Error, StringComparison.Ordinal);
        Assert.Contains("trained on ratings as values", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0 training pairs", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAndTrain_RatingsIgnored_ExitTwoWithAMessage()
    {
        var data = await ImportYahoo();

        var evaluate = await ConsoleCapture.RunAsync("evaluate", data, "--models", "popularity", "--set", "data.ratings=ignore", "--store", Path.Combine(Dir, "runs.db"));
        var train = await ConsoleCapture.RunAsync("train", data, "--model", "popularity", "--ratings", "ignore", "-o", Path.Combine(Dir, "m.bin"));
        var trained = await ConsoleCapture.RunAsync("train", data, "--model", "item-knn", "--ratings", "positive", "-o", Path.Combine(Dir, "k.bin"));

        Assert.Equal(ExitCodes.BadData, evaluate.Code);
        Assert.Contains("nothing to train on", evaluate.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadData, train.Code);
        Assert.Contains("nothing to train on", train.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, trained.Code);
        Assert.Contains("ratings as positive (threshold 4)", trained.Error, StringComparison.Ordinal);
    }
}
