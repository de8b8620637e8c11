using Encore.Evaluation.Runs;

namespace Encore.Cli.Tests.Faults;

/// <summary>
/// <c>encore runs list</c>'s metric column. A run without the column's metric (a six-candidate, bandit or playlist-challenge run
/// under the default ndcg@10) showed "-", and a <c>--metric</c> no listed run measured (a typo) printed a column of "-" and
/// exit 0, where <c>encore report --metric</c> refuses the same mistake.
/// </summary>
[Collection("console")]
public sealed class RunsListMetricTests() : TempFolderTest("encore-runs-metric-")
{
    private string Store()
    {
        var store = Path.Combine(Dir, "runs.db");
        new SqliteRunStore(store).Save(
        [
            Run("r1", "evaluate", "als", new() { ["ndcg@10"] = 0.25 }),
            Run("r2", "evaluate", "ensemble", new() { ["accuracy"] = 0.9276, ["error-rate"] = 0.0724 }),
            Run("r3", "bandit-simulation", "linucb(alpha=0.1)", new() { ["final-regret"] = 52.3, ["final-reward"] = 240.1, ["ctr"] = 0.8 }),
        ]);
        return store;
    }

    private static ExperimentRun Run(string id, string kind, string model, Dictionary<string, double> means) => new()
    {
        Id = id,
        StartedAt = DateTimeOffset.UnixEpoch.AddMinutes(id[1] - '0'),
        Kind = kind,
        Model = model,
        Dataset = "world",
        DatasetHash = "h",
        Protocol = "p",
        CodeVersion = "test",
        Seed = 42,
        Means = means,
    };

    [Fact]
    public async Task RunsList_DefaultColumn_RunsWithoutItShowTheirOwnHeadlineNamed()
    {
        var (code, text, _) = await ConsoleCapture.RunAsync("runs", "list", "--store", Store(), "--markdown");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("| 0.2500 |", text, StringComparison.Ordinal);
        Assert.Contains("| accuracy 0.9276 |", text, StringComparison.Ordinal);
        Assert.Contains("| regret 52.3000 |", text, StringComparison.Ordinal);
        Assert.Contains("runs without ndcg@10 show their own headline metric", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p@99")]
    [InlineData("ndcg10")]
    public async Task RunsList_MetricNoListedRunMeasured_ExitsOneNamingWhatTheyMeasured(string metric)
    {
        var (code, _, error) = await ConsoleCapture.RunAsync("runs", "list", "--store", Store(), "--metric", metric);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"--metric '{metric}' is in none of the 3 runs listed; they measured accuracy, ctr, error-rate, final-regret, final-reward, ndcg@10.", error, StringComparison.Ordinal);
    }

    /// <summary><c>runs compare</c> of two six-candidate runs failed "no per-user values of 'ndcg@10'" unless
    /// <c>--metric accuracy</c> was given; without <c>--metric</c> it now compares the headline both runs carry.</summary>
    [Fact]
    public async Task RunsCompare_TwoSixCandidateRunsWithoutMetric_ComparesTheirAccuracy()
    {
        var store = Path.Combine(Dir, "six.db");
        ExperimentRun SixCandidate(string id, double[] accuracy) => Run(id, "evaluate", "ensemble", new() { ["accuracy"] = accuracy.Average() }) with
        {
            Users = [.. Enumerable.Range(0, accuracy.Length)],
            PerUser = new Dictionary<string, double[]> { ["accuracy"] = accuracy },
        };
        new SqliteRunStore(store).Save([SixCandidate("r1", [0.5, 1, 0.5, 1, 0.5, 0.5]), SixCandidate("r2", [1, 1, 0.5, 1, 1, 1])]);

        var (code, text, error) = await ConsoleCapture.RunAsync("runs", "compare", "r1", "r2", "--store", store);

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("comparing accuracy: the runs carry no per-user ndcg@10", text, StringComparison.Ordinal);
        Assert.Contains("0.25000", text, StringComparison.Ordinal); // mean difference b - a over the six users
    }

    [Fact]
    public async Task RunsList_MetricSomeRunMeasured_IsTheColumn()
    {
        var (code, text, _) = await ConsoleCapture.RunAsync("runs", "list", "--store", Store(), "--metric", "accuracy", "--markdown");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("| accuracy |", text, StringComparison.Ordinal);
        Assert.Contains("| 0.9276 |", text, StringComparison.Ordinal);
    }
}
