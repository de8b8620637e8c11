using Encore.Cli.Output;

namespace Encore.Cli.Tests.Faults;

/// <summary>
/// Operational faults a newcomer met in session 14 (the command that showed each is in its test's summary).
/// </summary>
[Collection("console")]
public sealed class OperationalFaultTests() : TempFolderTest("encore-operational-")
{
    // Writes <name>.csv and imports it as a user,item table (and the further columns named); returns the snapshot folder.
    private Task<string> ImportAsync(string name, List<string> lines, params string[] mapping) =>
        FaultTables.ImportAsync(Dir, name, lines, ["user=user", "item=item", .. mapping]);

    private Task<string> PlainTableAsync() => ImportAsync("plays", FaultTables.Plain());

    // Runs the CLI with ENCORE_PROGRESS_SECONDS=0 (a progress line for every report, as a slow fit gives every few seconds).
    private static async Task<(int Code, string Out, string Error)> RunWithEveryProgressLineAsync(params string[] args)
    {
        var old = Environment.GetEnvironmentVariable(ModelProgressLine.IntervalVariable);
        Environment.SetEnvironmentVariable(ModelProgressLine.IntervalVariable, "0");
        try
        {
            return await ConsoleCapture.RunAsync(args);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ModelProgressLine.IntervalVariable, old);
        }
    }

    /// <summary>
    /// <c>encore evaluate hetrec --models ease | cat</c> printed nothing for minutes: in a pipe only the summary line per
    /// model was written. Now each step of the fit and the evaluation gives a plain line (every few seconds at most).
    /// </summary>
    [Fact]
    public async Task Evaluate_EaseRedirected_PrintsEachStepOfFitAndEvaluation()
    {
        var dataset = await PlainTableAsync();

        var (code, _, error) = await RunWithEveryProgressLineAsync("evaluate", dataset, "--models", "ease,rp3beta", "--store", Path.Combine(Dir, "runs.db"));

        Assert.Equal(ExitCodes.Ok, code);
        foreach (var line in new[] { "ease  fitting", "ease  step 1/4", "ease  step 4/4", "ease  evaluating", "rp3beta  fitting", "rp3beta  evaluating" })
            Assert.Contains(line, error, StringComparison.Ordinal);
    }

    /// <summary><c>encore train ds --model ease -o m.bin 2&gt;&amp;1 | tee log</c>: the same, for train.</summary>
    [Fact]
    public async Task Train_EaseRedirected_PrintsEachStepOfTheFit()
    {
        var dataset = await PlainTableAsync();

        var (code, _, error) = await RunWithEveryProgressLineAsync("train", dataset, "--model", "ease", "-o", Path.Combine(Dir, "ease.bin"));

        Assert.Equal(ExitCodes.Ok, code);
        foreach (var line in new[] { "ease  fitting", "ease  step 1/4", "ease  step 4/4" })
            Assert.Contains(line, error, StringComparison.Ordinal);
    }

    /// <summary><c>encore sweep ds --model ease --grid ... | cat</c>: each trial's fit and evaluation, not only its result line.</summary>
    [Fact]
    public async Task Sweep_Redirected_PrintsEachTrialsSteps()
    {
        var dataset = await PlainTableAsync();

        var (code, _, error) = await RunWithEveryProgressLineAsync("sweep", dataset, "--model", "ease", "--grid", "lambda=10,100", "--store", Path.Combine(Dir, "runs.db"));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(2, error.Split('\n').Count(l => l.StartsWith("ease  evaluating", StringComparison.Ordinal)));
    }

    // One user with 40 tracks and heavy-tailed play counts (the newcomer's single-user table).
    private Task<string> SingleUserTableAsync()
    {
        var lines = new List<string> { "user,item" };
        for (var i = 0; i < 40; i++) lines.Add($"u1,t{i}");
        return ImportAsync("one", lines);
    }

    /// <summary>
    /// <c>encore evaluate one</c> on a single-user table printed a leaderboard of zeros (and a paired test over one user)
    /// without a reason: every held-out track is the user's own, so no model has seen it. Now it stops before any fit
    /// and says why, under every protocol that splits the table (holdout, sampled negatives).
    /// </summary>
    [Theory]
    [InlineData("holdout")]
    [InlineData("sampled")]
    public async Task Evaluate_SingleUserTable_StopsBeforeAnyFitSayingWhy(string protocol)
    {
        var dataset = await SingleUserTableAsync();
        string[] extra = protocol == "sampled" ? ["--sampled", "10"] : [];

        var (code, output, error) = await ConsoleCapture.RunAsync(["evaluate", dataset, "--models", "popularity,item-knn", "--store", Path.Combine(Dir, "runs.db"), .. extra]);

        Assert.Equal(ExitCodes.BadData, code);
        Assert.Contains("nothing to measure: none of the 8 relevant held-out pairs", error, StringComparison.Ordinal);
        Assert.Contains("(1 test user)", error, StringComparison.Ordinal);
        Assert.Contains("A table of a single user does this", error, StringComparison.Ordinal);
        Assert.DoesNotContain("popularity: fit", error, StringComparison.Ordinal);
        Assert.DoesNotContain("ndcg", output, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Two users who share no track: the same (every held-out track is the other's nobody).</summary>
    [Fact]
    public async Task Evaluate_UsersSharingNoTrack_StopsBeforeAnyFitSayingWhy()
    {
        var lines = new List<string> { "user,item" };
        for (var i = 0; i < 20; i++) lines.Add($"a,t{i}");
        for (var i = 20; i < 40; i++) lines.Add($"b,t{i}");
        var dataset = await ImportAsync("apart", lines);

        var (code, _, error) = await ConsoleCapture.RunAsync("evaluate", dataset, "--models", "popularity", "--store", Path.Combine(Dir, "runs.db"));

        Assert.Equal(ExitCodes.BadData, code);
        Assert.Contains("nothing to measure", error, StringComparison.Ordinal);
        Assert.Contains("(2 test users)", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>encore evaluate two --groups</c> with two users trained and scored every model, then failed with "Only 2 users
    /// have validation data; groups of 5 ...". Now it stops before any fit with the reason.
    /// </summary>
    [Fact]
    public async Task Evaluate_GroupsWithFewerUsersThanAGroup_StopsBeforeAnyFit()
    {
        var lines = new List<string> { "user,item" };
        for (var u = 0; u < 2; u++)
            for (var i = 0; i < 20; i++) lines.Add($"u{u},t{i}");
        var dataset = await ImportAsync("two", lines);

        var (code, _, error) = await ConsoleCapture.RunAsync("evaluate", dataset, "--models", "popularity", "--groups", "--store", Path.Combine(Dir, "runs.db"));

        Assert.Equal(ExitCodes.BadData, code);
        Assert.Contains("no groups to measure: groups of 5", error, StringComparison.Ordinal);
        Assert.Contains("only 2 users have one", error, StringComparison.Ordinal);
        Assert.DoesNotContain("popularity: fit", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// The service's retrain could not choose the confidence transform from the data (retrain.confidence took none, log1p
    /// or log, default log1p, and the retrain ignored play counts): on the same play counts it now picks what
    /// <c>encore train</c> picks, by the same rule, and says so in its answer.
    /// </summary>
    [Fact]
    public async Task Retrain_PlayCountsAsBaseDataset_PicksTheConfidenceTrainPicks()
    {
        var lines = new List<string> { "user,item,plays" };
        for (var u = 0; u < 30; u++)
            for (var t = 0; t < 10; t++)
                lines.Add($"u{u},t{(u + t) % 15},{((u * 10 + t) % 25 == 0 ? 300 : 1 + ((u + t) % 3))}");
        var dataset = await ImportAsync("counts", lines, "value=plays");

        var (code, _, error) = await ConsoleCapture.RunAsync("train", dataset, "--model", "popularity", "-o", Path.Combine(Dir, "p.bin"));
        Assert.Equal(ExitCodes.Ok, code);
        var printed = System.Text.RegularExpressions.Regex.Match(error, @"confidence (\S+) chosen from the data: (.+) \(set --confidence");
        Assert.True(printed.Success, error);
        var options = new Encore.Online.OnlineOptions
        {
            StorePath = Path.Combine(Dir, "service.db"),
            ModelDirectory = Path.Combine(Dir, "models"),
            Retrain = new Encore.Online.Retraining.RetrainOptions { Factors = 8, Iterations = 3 },
        };
        using var engine = new Encore.Online.OnlineEngine(options, null, new Encore.Online.BaseDatasetSource(dataset));
        var result = engine.Retrain.RetrainNow();

        Assert.Equal("log1p", printed.Groups[1].Value);
        Assert.Equal($"{printed.Groups[1].Value} (auto): {printed.Groups[2].Value}", result.Confidence);
    }
}
