using Encore.Cli.Output;

namespace Encore.Cli.Tests.Faults;

/// <summary>
/// Operational faults a newcomer met in session 14 (the command that showed each is in its test's summary).
/// </summary>
[Collection("console")]
public sealed class OperationalFaultTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-operational-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Writes <name>.csv and imports it as a user,item table; returns the snapshot folder.
    private async Task<string> ImportAsync(string name, List<string> lines)
    {
        var csv = Path.Combine(_dir, name + ".csv");
        await File.WriteAllLinesAsync(csv, lines);
        var dataset = Path.Combine(_dir, name);
        Assert.Equal(ExitCodes.Ok, (await ConsoleCapture.RunAsync(["import", "table", csv, "-o", dataset, "--set", "user=user", "--set", "item=item"])).Code);
        return dataset;
    }

    // 12 users over 8 tracks.
    private Task<string> PlainTableAsync()
    {
        var lines = new List<string> { "user,item" };
        for (var u = 0; u < 12; u++)
            for (var i = 0; i < 8; i++)
                if ((u + i) % 3 != 0) lines.Add($"u{u},t{(i + u) % 8}");
        return ImportAsync("plays", lines);
    }

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

        var (code, _, error) = await RunWithEveryProgressLineAsync("evaluate", dataset, "--models", "ease,rp3beta", "--store", Path.Combine(_dir, "runs.db"));

        Assert.Equal(ExitCodes.Ok, code);
        foreach (var line in new[] { "ease  fitting", "ease  step 1/4", "ease  step 4/4", "ease  evaluating", "rp3beta  fitting", "rp3beta  evaluating" })
            Assert.Contains(line, error, StringComparison.Ordinal);
    }

    /// <summary><c>encore train ds --model ease -o m.bin 2&gt;&amp;1 | tee log</c>: the same, for train.</summary>
    [Fact]
    public async Task Train_EaseRedirected_PrintsEachStepOfTheFit()
    {
        var dataset = await PlainTableAsync();

        var (code, _, error) = await RunWithEveryProgressLineAsync("train", dataset, "--model", "ease", "-o", Path.Combine(_dir, "ease.bin"));

        Assert.Equal(ExitCodes.Ok, code);
        foreach (var line in new[] { "ease  fitting", "ease  step 1/4", "ease  step 4/4" })
            Assert.Contains(line, error, StringComparison.Ordinal);
    }

    /// <summary><c>encore sweep ds --model ease --grid ... | cat</c>: each trial's fit and evaluation, not only its result line.</summary>
    [Fact]
    public async Task Sweep_Redirected_PrintsEachTrialsSteps()
    {
        var dataset = await PlainTableAsync();

        var (code, _, error) = await RunWithEveryProgressLineAsync("sweep", dataset, "--model", "ease", "--grid", "lambda=10,100", "--store", Path.Combine(_dir, "runs.db"));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(2, error.Split('\n').Count(l => l.StartsWith("ease  evaluating", StringComparison.Ordinal)));
    }
}
