using Encore.Evaluation.Runs;

namespace Encore.Cli.Tests;

/// <summary><c>bandits simulate</c> (runs with curves in the store, then a report) and <c>false-negatives</c> on the tiny synthetic world.</summary>
[Collection("console")]
public sealed class BanditCommandsTests() : TempFolderTest("encore-bandit-cli-")
{
    [Fact]
    public async Task BanditsSimulate_RecordsRunsWithCurves_AndTheReportPlotsThem()
    {
        var store = Path.Combine(Dir, "encore.db");
        var (code, text, _) = await ConsoleCapture.RunAsync("bandits", "simulate", "--seeds", "5", "--rounds", "200", "--policies", "linucb:0.2,hybrid:0.3,random",
            "--curve-every", "50", "--store", store, "--markdown");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("| linucb(alpha=0.2) |", text, StringComparison.Ordinal);
        Assert.Contains("| hybrid-linucb(alpha=0.3) |", text, StringComparison.Ordinal);
        var runs = new SqliteRunStore(store).List(new RunQuery { IncludeDetails = true });
        Assert.Equal(3, runs.Count);
        Assert.All(runs, r => Assert.Equal([50, 100, 150, 200], r.Curve.Where(p => p.Series == "regret").Select(p => p.Step)));
        var report = Path.Combine(Dir, "report.html");
        var (reportCode, _, _) = await ConsoleCapture.RunAsync(["report", .. runs.Select(r => r.Id), "-o", report, "--store", store]);
        Assert.Equal(ExitCodes.Ok, reportCode);
        Assert.Contains("curve-regret", await File.ReadAllTextAsync(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BanditsSimulate_UnknownPolicy_ExitsOneNamingIt()
    {
        var (code, _, error) = await ConsoleCapture.RunAsync("bandits", "simulate", "--policies", "ucb2", "--no-store");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("ucb2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FalseNegatives_ListsNotLikedPairsByScore()
    {
        var world = Path.Combine(Dir, "world");
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["synth", "-o", world, "--preset", "tiny"]));
        var model = Path.Combine(Dir, "pop.bin");
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["train", world, "--model", "popularity", "-o", model]));
        var (code, text, _) = await ConsoleCapture.RunAsync("false-negatives", world, "--model", model, "-k", "3", "--markdown");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("\"not liked\" pairs", text, StringComparison.Ordinal);
        Assert.Contains("| 3 |", text, StringComparison.Ordinal);
        var (badCode, _, error) = await ConsoleCapture.RunAsync("false-negatives", world, "--model", model, "--weights", "play=1");
        Assert.Equal(ExitCodes.Usage, badCode);
        Assert.Contains("negative weight", error, StringComparison.Ordinal);
    }
}
