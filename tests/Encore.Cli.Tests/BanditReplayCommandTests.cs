using System.Globalization;
using System.Text;
using Encore.Core.Sparse;
using Encore.Evaluation.Runs;
using Encore.Models.Contract;
using Encore.Models.Factorization.Als;
using Encore.Models.Files;
using Encore.Models.Popularity;

namespace Encore.Cli.Tests;

/// <summary><c>bandits replay</c> on a hand-made R3-shaped log: estimates with intervals, runs with ctr curves, the report, bad input.</summary>
[Collection("console")]
public sealed class BanditReplayCommandTests() : TempFolderTest("encore-replay-cli-")
{
    // 200 users x 10 of 40 songs (songs u, u+3, ..., u+27 mod 40: five even, five odd), rating 5 for even songs, 2 for odd; vectors (1, parity).
    private (string Log, string Vectors) Fixture()
    {
        var log = new StringBuilder();
        for (var u = 0; u < 200; u++)
            for (var k = 0; k < 10; k++)
            {
                var s = (u + 3 * k) % 40;
                log.Append(CultureInfo.InvariantCulture, $"{u}\t{s}\t{(s % 2 == 0 ? 5 : 2)}\n");
            }
        var vectors = new StringBuilder("id,v0,v1\n");
        for (var s = 0; s < 40; s++) vectors.Append(CultureInfo.InvariantCulture, $"{s},1,{s % 2}\n");
        var logPath = Path.Combine(Dir, "r3-test.txt");
        var vectorPath = Path.Combine(Dir, "songs.csv");
        File.WriteAllText(logPath, log.ToString());
        File.WriteAllText(vectorPath, vectors.ToString());
        return (logPath, vectorPath);
    }

    [Fact]
    public async Task BanditsReplay_PrintsEstimatesWithIntervals_RecordsRuns_AndTheReportPlotsThem()
    {
        var (log, vectors) = Fixture();
        var store = Path.Combine(Dir, "encore.db");
        var (code, text, _) = await ConsoleCapture.RunAsync("bandits", "replay", log, "--vectors", vectors, "--policies", "hybrid:0.1,random",
            "--store", store, "--markdown");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("2,000 events, 200 users, logging policy (uniform) mean reward 0.5000", text, StringComparison.Ordinal);
        Assert.Contains("| hybrid-linucb(alpha=0.1) |", text, StringComparison.Ordinal);
        Assert.Contains("| random |", text, StringComparison.Ordinal);
        var runs = new SqliteRunStore(store).List(new RunQuery { IncludeDetails = true });
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal("bandit-replay", r.Kind));
        Assert.All(runs, r => Assert.Contains(r.Curve, p => p.Series == "ctr"));
        var hybrid = runs.Single(r => r.Model.StartsWith("hybrid", StringComparison.Ordinal));
        var random = runs.Single(r => r.Model == "random");
        Assert.True(hybrid.Intervals["ctr"].Low > random.Intervals["ctr"].High, $"hybrid {hybrid.Means["ctr"]}, random {random.Means["ctr"]}");
        Assert.InRange(0.5, random.Intervals["ctr"].Low, random.Intervals["ctr"].High);
        var report = Path.Combine(Dir, "report.html");
        var (reportCode, _, _) = await ConsoleCapture.RunAsync(["report", .. runs.Select(r => r.Id), "-o", report, "--store", store]);
        Assert.Equal(ExitCodes.Ok, reportCode);
        Assert.Contains("curve-ctr", await File.ReadAllTextAsync(report), StringComparison.Ordinal);
    }

    // A collaborative model trained on a separate "train part": 60 users who played only even songs 0-38 (ids "0".."39",
    // the log's song ids), so its item factors separate the songs the log rewards from the others.
    private string FactorModel()
    {
        var rows = new List<int>();
        var columns = new List<int>();
        for (var u = 0; u < 60; u++)
            for (var s = (u % 4) * 2; s < 40; s += 4) { rows.Add(u); columns.Add(s); }
        var values = Enumerable.Repeat(1f, rows.Count).ToArray();
        var data = TrainingData.FromMatrix(CsrMatrix.FromTriples(60, 40, [.. rows], [.. columns], values));
        var model = new AlsTrainer(new AlsOptions { Factors = 4, Regularization = 0.1, Iterations = 10, Threads = 1 }).Fit(data);
        var path = Path.Combine(Dir, "als.bin");
        ModelFile.Save(model, path);
        return path;
    }

    [Fact]
    public async Task BanditsReplay_ModelItemFactorsAsContext_LinUcbBeatsRandomWhoseEstimateMatchesTheLog()
    {
        var (log, _) = Fixture();
        var (code, text, error) = await ConsoleCapture.RunAsync("bandits", "replay", log, "--model", FactorModel(), "--policies", "linucb:0.1,random",
            "--no-store", "--markdown");
        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("item factors of als.bin (4 f, standardised)", text, StringComparison.Ordinal);
        Assert.Contains("2,000 events, 200 users, logging policy (uniform) mean reward 0.5000", text, StringComparison.Ordinal);
        var linUcb = Row(text, "| linucb(alpha=0.1) |");
        var random = Row(text, "| random |");
        Assert.True(linUcb.Low > random.High, $"linucb {linUcb.Estimate} [{linUcb.Low}, {linUcb.High}], random [{random.Low}, {random.High}]");
        Assert.InRange(0.5, random.Low, random.High);
    }

    [Fact]
    public async Task BanditsReplay_ModelWithoutFactors_ExitsOneNamingTheKind()
    {
        var (log, _) = Fixture();
        var data = TrainingData.FromMatrix(CsrMatrix.FromTriples(2, 40, [0, 1], [0, 2], [1f, 1f]));
        var path = Path.Combine(Dir, "pop.bin");
        ModelFile.Save(new PopularityTrainer().Fit(data), path);
        var (code, _, error) = await ConsoleCapture.RunAsync("bandits", "replay", log, "--model", path, "--no-store");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("has no item factors", error, StringComparison.Ordinal);
        // It named the .NET type ("a PopularityModel has no item factors") where the docs promise the model's kind.
        Assert.Contains("a model of kind 'popularity' has no item factors", error, StringComparison.Ordinal);
        Assert.DoesNotContain("PopularityModel", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BanditsReplay_CorruptModel_ExitsThree_AndBothSources_ExitsOne()
    {
        var (log, vectors) = Fixture();
        var path = Path.Combine(Dir, "broken.bin");
        await File.WriteAllTextAsync(path, "not a model");
        var (code, _, _) = await ConsoleCapture.RunAsync("bandits", "replay", log, "--model", path, "--no-store");
        Assert.Equal(ExitCodes.BadModelFile, code);
        var (both, _, error) = await ConsoleCapture.RunAsync("bandits", "replay", log, "--model", path, "--vectors", vectors, "--no-store");
        Assert.Equal(ExitCodes.Usage, both);
        Assert.Contains("exactly one of --vectors", error, StringComparison.Ordinal);
    }

    private static (double Estimate, double Low, double High) Row(string text, string prefix)
    {
        var line = text.Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal));
        var cells = line.Split('|', StringSplitOptions.TrimEntries);
        var interval = cells[3].Trim('[', ']').Split(',', StringSplitOptions.TrimEntries);
        return (double.Parse(cells[2], CultureInfo.InvariantCulture), double.Parse(interval[0], CultureInfo.InvariantCulture), double.Parse(interval[1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task BanditsReplay_BadRating_ExitsTwoNamingLineAndField()
    {
        var (_, vectors) = Fixture();
        var log = Path.Combine(Dir, "bad.txt");
        await File.WriteAllTextAsync(log, "1\t2\t5\n1\t3\tx\n");
        var (code, _, error) = await ConsoleCapture.RunAsync("bandits", "replay", log, "--vectors", vectors, "--no-store");
        Assert.Equal(ExitCodes.BadData, code);
        Assert.Contains("bad.txt:2", error, StringComparison.Ordinal);
        Assert.Contains("field 'rating'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BanditsReplay_NoSongHasAVector_ExitsOneSayingSo()
    {
        var (log, _) = Fixture();
        var vectors = Path.Combine(Dir, "other.csv");
        await File.WriteAllTextAsync(vectors, "id,v0\nzz,1\n");
        var (code, _, error) = await ConsoleCapture.RunAsync("bandits", "replay", log, "--vectors", vectors, "--no-store");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("2000 without a track vector", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BanditsReplay_Help_NamesTheEstimatorAndTheThreshold()
    {
        var (code, text, _) = await ConsoleCapture.RunAsync("bandits", "replay", "--help");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("Li et al. 2011", text, StringComparison.Ordinal);
        Assert.Contains("--threshold", text, StringComparison.Ordinal);
    }
}
