using Encore.Evaluation.Runs;

namespace Encore.Cli.Tests;

/// <summary><c>encore tune</c> end to end on the Tiny synthetic world: the re-check options, its printed table and the settings file.</summary>
[Collection("console")]
public sealed class TuneCommandTests() : TempFolderTest("encore-tune-cli-")
{
    private string World => Path.Combine(Dir, "world");

    private string Store => Path.Combine(Dir, "runs.db");

    private string Ini => Path.Combine(Dir, "tuned.ini");

    private async Task MakeWorld() => Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["synth", "-o", World, "--preset", "tiny", "--seed", "7"]));

    [Fact]
    public async Task Tune_WithRecheck_PrintsTheRecheckTableAndWritesTheChoice()
    {
        await MakeWorld();

        var (code, output, error) = await ConsoleCapture.RunAsync("tune", World, "--model", "rp3beta", "--budget", "4", "--recheck", "2",
            "--recheck-carves", "2", "--markdown", "--store", Store, "-o", Ini);

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("rp3beta: re-check of the top settings on 2 further carve(s) of the training part, ndcg@10; chosen by highest mean", output, StringComparison.Ordinal);
        Assert.Contains("| setting | searched carve (seed 43) | carve seed 44 | carve seed 45 | re-check mean | spread (sd) | gap to best ± SE | verdict |", output, StringComparison.Ordinal);
        Assert.Contains("| (defaults) |", output, StringComparison.Ordinal);
        Assert.Contains("chosen (best mean)", output, StringComparison.Ordinal);
        var runs = new SqliteRunStore(Store).List();
        Assert.Equal(4 + 3 * 2, runs.Count);
        Assert.Equal(6, runs.Count(r => r.Parameters.ContainsKey("tune.recheck")));
        var file = await File.ReadAllTextAsync(Ini);
        Assert.Contains("mean over 2 re-check carve(s)", file, StringComparison.Ordinal);
        Assert.Contains("chosen among 3 by mean", file, StringComparison.Ordinal);
        Assert.Contains("[rp3beta]", file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tune_RecheckZero_ChoosesOnTheSearchedCarveAndPrintsNoRecheck()
    {
        await MakeWorld();

        var (code, output, error) = await ConsoleCapture.RunAsync("tune", World, "--model", "item-knn", "--budget", "3", "--recheck", "0",
            "--markdown", "--store", Store, "-o", Ini);

        Assert.True(code == ExitCodes.Ok, error);
        Assert.DoesNotContain("re-check of the top settings", output, StringComparison.Ordinal);
        Assert.Equal(3, new SqliteRunStore(Store).List().Count);
        Assert.Contains("on the searched validation carve after 3 full-effort trials (3 runs)", await File.ReadAllTextAsync(Ini), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tune_OneSeSelection_NamesTheRuleInTheTable()
    {
        await MakeWorld();

        var (code, output, error) = await ConsoleCapture.RunAsync("tune", World, "--model", "ease", "--budget", "3", "--recheck", "2",
            "--recheck-carves", "1", "--selection", "one-se", "--markdown", "--store", Store, "-o", Ini);

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("chosen by one-standard-error rule: simplest within 1 SE of the best mean", output, StringComparison.Ordinal);
        Assert.Contains("by one-se", await File.ReadAllTextAsync(Ini), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--selection", "median", "--selection expects mean or one-se")]
    [InlineData("--recheck-carves", "0", "--recheck-carves expects a number >= 1")]
    [InlineData("--recheck", "-1", "--recheck expects a number >= 0")]
    public async Task Tune_BadRecheckOption_ExitsOneWithTheExpectedValues(string option, string value, string message)
    {
        await MakeWorld();

        var (code, _, error) = await ConsoleCapture.RunAsync("tune", World, "--model", "item-knn", "--budget", "2", option, value,
            "--store", Store, "-o", Ini);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
    /// <summary>
    /// <c>encore tune world --model als --budget 6</c> printed "tuning als (6 trials)" and then "30" in the trials column and
    /// "recorded 30 trials": the budget counts full-effort trials (a 1/9-effort trial 1/9) and the re-check comes on top. The
    /// plan, the table and the last line now say what the budget is and what ran, and they agree with the store.
    /// </summary>
    [Fact]
    public async Task Tune_TrialBudget_PlanAndSummaryMatchTheRecordedRuns()
    {
        await MakeWorld();

        var (code, output, error) = await ConsoleCapture.RunAsync("tune", World, "--model", "als", "--budget", "6", "--markdown", "--store", Store, "-o", Ini);

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("tuning als: budget 6 full-effort trials (1/9- and 1/3-effort trials count their fraction", error, StringComparison.Ordinal);
        Assert.Contains("then a re-check of up to 6 settings on 2 further carve(s): up to 12 runs on top", error, StringComparison.Ordinal);
        var runs = new SqliteRunStore(Store).List();
        var search = runs.Where(r => !r.Parameters.ContainsKey("tune.recheck")).ToList();
        var effort = search.Sum(r => double.Parse(r.Parameters["tune.fidelity"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(6.0, effort, 2);
        Assert.Contains($"| als | 6 of 6 | {runs.Count} |", output, StringComparison.Ordinal);
        Assert.Contains($"recorded {runs.Count} runs ({search.Count} search, {runs.Count - search.Count} re-check)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("30 trials", output + error, StringComparison.Ordinal);
    }

    /// <summary>A trial budget over several models is split in whole trials adding up to it, and a budget below one trial per model says what runs instead.</summary>
    [Theory]
    [InlineData("3", "budget 3 full-effort trials split across 2 models: item-knn 2, rp3beta 1", 3)]
    [InlineData("1", "every model needs at least its defaults, so 2 trials run instead of 1", 2)]
    public async Task Tune_TrialBudgetOverTwoModels_SplitsItAndSaysSo(string budget, string expected, int searchRuns)
    {
        await MakeWorld();

        var (code, _, error) = await ConsoleCapture.RunAsync("tune", World, "--model", "item-knn,rp3beta", "--budget", budget, "--recheck", "0",
            "--store", Store, "-o", Ini);

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal(searchRuns, new SqliteRunStore(Store).List().Count);
    }
}
