using Encore.Evaluation.Reports;
using Encore.Evaluation.Runs;

namespace Encore.Cli.Tests;

/// <summary><c>encore report</c> over runs given as JSON (runs from the store: EvaluationCommandsTests).</summary>
[Collection("console")]
public sealed class ReportCommandTests() : TempFolderTest("encore-cli-report-")
{
    [Fact]
    public async Task Report_RunsJsonWithIds_WritesPageWithTheChosenRuns()
    {
        var json = WriteRuns();
        var output = Path.Combine(Dir, "report.html");

        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["report", "b", "--runs-json", json, "-o", output]));

        var html = await File.ReadAllTextAsync(output);
        Assert.Contains("<code>b</code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<code>a</code>", html, StringComparison.Ordinal);
        Assert.Contains("<figure id=\"fig-metric-at-k-ndcg\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_RunsJsonWithoutIds_ReportsEveryRun()
    {
        var json = WriteRuns();
        var output = Path.Combine(Dir, "all.html");

        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["report", "--runs-json", json, "-o", output, "--title", "Two runs"]));

        var html = await File.ReadAllTextAsync(output);
        Assert.Contains("<title>Two runs</title>", html, StringComparison.Ordinal);
        Assert.Contains("<code>a</code>", html, StringComparison.Ordinal);
        Assert.Contains("<code>b</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_UnknownRunId_FailsWithUsageAndWritesNothing()
    {
        var json = WriteRuns();
        var output = Path.Combine(Dir, "none.html");

        Assert.Equal(ExitCodes.Usage, await EncoreCli.RunAsync(["report", "zzz", "--runs-json", json, "-o", output]));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Report_MalformedRunsJson_FailsWithBadData()
    {
        var json = Path.Combine(Dir, "bad.json");
        await File.WriteAllTextAsync(json, "[{\"id\": 3}]");

        Assert.Equal(ExitCodes.BadData, await EncoreCli.RunAsync(["report", "--runs-json", json, "-o", Path.Combine(Dir, "x.html")]));
    }

    private string WriteRuns()
    {
        var path = Path.Combine(Dir, "runs.json");
        RunsJsonFile.Write([Run("a", "popularity", 0.05), Run("b", "als", 0.15)], path);
        return path;
    }

    private static ExperimentRun Run(string id, string model, double ndcg) => new()
    {
        Id = id,
        StartedAt = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero),
        Kind = "evaluate",
        Model = model,
        Dataset = "tiny",
        DatasetHash = "abc",
        Protocol = "user-holdout-0.2 full-ranking",
        CodeVersion = "test",
        Seed = 1,
        Means = new Dictionary<string, double> { ["ndcg@5"] = ndcg * 0.8, ["ndcg@10"] = ndcg },
    };
}
