using System.Globalization;

namespace Encore.Cli.Tests;

/// <summary>
/// A MovieLens-shaped star table (import table, kind-default=rating) evaluated as it comes: the relevance threshold is
/// 4/5 of the highest rating (4 on 0.5..5), printed and recorded as "threshold = 4 (auto)", and runs with and without
/// it differ in <c>runs list</c> (issue 11, "Defaults matter").
/// </summary>
[Collection("console")]
public sealed class RatingThresholdCommandTests() : TempFolderTest("encore-threshold-cli-")
{
    // 40 users x 30 movies, about two thirds rated, on a 0.5..5 scale in half steps.
    private async Task<string> ImportStarsAsync()
    {
        var lines = new List<string> { "userId,movieId,rating,timestamp" };
        for (var u = 1; u <= 40; u++)
            for (var m = 1; m <= 30; m++)
                if ((u * 7 + m * 3) % 3 != 0)
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"{u},{m},{0.5 * (1 + (u * 5 + m * 11) % 10)},{1_000_000 + u * 100 + m}"));
        var csv = Path.Combine(Dir, "ratings.csv");
        await File.WriteAllLinesAsync(csv, lines);
        var data = Path.Combine(Dir, "ml");
        var import = await ConsoleCapture.RunAsync("import", "table", csv, "-o", data, "--set", "user=userId", "--set", "item=movieId",
            "--set", "value=rating", "--set", "time=timestamp", "--set", "time-unit=s", "--set", "kind-default=rating");
        Assert.Equal(ExitCodes.Ok, import.Code);
        return data;
    }

    [Fact]
    public async Task Evaluate_StarTable_ThresholdFourAutoPrintedAndListed()
    {
        var data = await ImportStarsAsync();
        var store = Path.Combine(Dir, "runs.db");

        var auto = await ConsoleCapture.RunAsync("evaluate", data, "--models", "popularity", "--store", store);
        var given = await ConsoleCapture.RunAsync("evaluate", data, "--models", "popularity", "--set", "protocol.threshold=3", "--store", store);
        var list = await ConsoleCapture.RunAsync("runs", "list", "--markdown", "--store", store);

        Assert.Equal(ExitCodes.Ok, auto.Code);
        Assert.Contains("threshold = 4 (auto): 4/5 of the highest rating 5", auto.Error, StringComparison.Ordinal);
        Assert.Contains("relevant = score >= 4 (auto: 4/5 of the highest rating 5)", auto.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, given.Code);
        Assert.DoesNotContain("(auto", given.Error, StringComparison.Ordinal);
        Assert.Contains("relevant = score >= 3", given.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, list.Code);
        Assert.Contains("threshold 4 (auto)", list.Out, StringComparison.Ordinal);
        Assert.Contains("threshold 3", list.Out, StringComparison.Ordinal);
    }
}
