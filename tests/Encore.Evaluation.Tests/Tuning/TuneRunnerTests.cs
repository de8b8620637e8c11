using Encore.Core.Errors;
using Encore.Core.Randomness;
using Encore.Data.Model;
using Encore.Data.Synthetic;
using Encore.Evaluation.Protocols;
using Encore.Evaluation.Runs;
using Encore.Evaluation.Tuning;

namespace Encore.Evaluation.Tests.Tuning;

public sealed class TuneRunnerTests : IDisposable
{
    private static readonly Lazy<MusicDataset> World = new(() => SyntheticWorld.Generate(SyntheticWorldOptions.Tiny with { Seed = 5 }).Dataset);
    private static readonly Lazy<PreparedProtocol> Validation = new(() =>
        ProtocolPreparer.Prepare(World.Value, new ProtocolOptions { Seed = 42, Target = EvaluationTarget.Validation }));
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-tune-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static EvaluationSettings Settings => new() { Ks = [10], Dataset = "tiny", DatasetHash = "x" };

    [Fact]
    public void Run_Als_DefaultsFirstThenSuccessiveHalvingRungs()
    {
        var options = new TuneOptions { Trials = 4, Seed = 3, Fixed = new Dictionary<string, string> { ["threads"] = "1" } };

        var result = TuneRunner.Run(Validation.Value, "als", options, Settings);

        // 1 (defaults) + 9 at 1/9 + 3 at 1/3 + 1 at full = 4 full-trial equivalents.
        var fidelities = result.Trials.Select(r => r.Parameters["tune.fidelity"]).ToArray();
        Assert.Equal(["1", .. Enumerable.Repeat("0.111", 9), "0.333", "0.333", "0.333", "1"], fidelities);
        Assert.Equal(4.0, result.SearchEffort, 9);
        Assert.Equal(14, result.SearchRuns);
        Assert.Equal(0, result.RecheckRuns);
        Assert.Equal("15", result.Trials[0].Parameters["iterations"]);
        Assert.Equal("2", result.Trials[1].Parameters["iterations"]);
        Assert.Equal("5", result.Trials[10].Parameters["iterations"]);
        Assert.All(result.Trials, r => Assert.Equal("tune", r.Kind));
        Assert.All(result.Trials, r => Assert.Equal(result.TuneId, r.SweepId));
        Assert.Contains("validation", result.Best.Protocol, StringComparison.Ordinal);
        // The best is the better of the two full-effort trials, and the promoted setting won its 1/3 rung.
        var full = result.Trials.Where(r => r.Parameters["tune.fidelity"] == "1").ToArray();
        Assert.Equal(full.Max(r => r.Means["ndcg@10"]), result.Best.Means["ndcg@10"]);
        var promoted = result.Trials[^1].Parameters["regularization"];
        var third = result.Trials.Skip(10).Take(3).MaxBy(r => r.Means["ndcg@10"])!;
        Assert.Equal(promoted, third.Parameters["regularization"]);
    }

    [Fact]
    public void Run_ClosedFormModel_RandomSearchIsSeeded()
    {
        var options = new TuneOptions { Trials = 4, Seed = 9 };
        var a = TuneRunner.Run(Validation.Value, "rp3beta", options, Settings);
        var b = TuneRunner.Run(Validation.Value, "rp3beta", options, Settings);

        Assert.Equal(4, a.Trials.Count);
        Assert.Equal(a.Trials.Select(r => r.Parameters["beta"]), b.Trials.Select(r => r.Parameters["beta"]));
        Assert.Equal(a.Best.Means["ndcg@10"], b.Best.Means["ndcg@10"]);
        Assert.True(a.Best.Means["ndcg@10"] >= a.Trials[0].Means["ndcg@10"]);
        // Trial 1 runs the defaults, which choose beta from the data (recorded as such); the searched trials set it.
        Assert.EndsWith(" (auto)", a.Trials[0].Parameters["beta"], StringComparison.Ordinal);
        Assert.All(a.Trials.Skip(1), r => Assert.DoesNotContain("auto", r.Parameters["beta"], StringComparison.Ordinal));
        Assert.Equal(a.BestSettings, b.BestSettings);
    }

    [Fact]
    public void Run_SavesEveryTrialToTheStore()
    {
        var store = new SqliteRunStore(Path.Combine(_dir, "runs.db"));
        var result = TuneRunner.Run(Validation.Value, "item-knn", new TuneOptions { Trials = 3, Seed = 1 }, Settings, store);

        var saved = store.List(new RunQuery { SweepId = result.TuneId });
        Assert.Equal(3, saved.Count);
    }

    private static PreparedProtocol Carve(int c) =>
        ProtocolPreparer.Prepare(World.Value, new ProtocolOptions { Seed = 42, Target = EvaluationTarget.Validation, ValidationSeed = 43 + (ulong)c });

    [Fact]
    public void Run_WithRecheck_ScoresTheTopSettingsAndTheDefaultsOnFurtherCarvesAndChoosesThere()
    {
        var options = new TuneOptions { Trials = 5, Seed = 9, Recheck = 2, RecheckCarves = 2, RecheckProtocol = Carve };

        var result = TuneRunner.Run(Validation.Value, "rp3beta", options, Settings);

        // 5 search trials, then (2 best + defaults) x 2 carves.
        Assert.Equal(5 + 3 * 2, result.Trials.Count);
        var rechecks = result.Trials.Skip(5).ToArray();
        Assert.All(rechecks, r => Assert.Equal("1", r.Parameters["tune.fidelity"]));
        Assert.Equal(["1", "1", "1", "2", "2", "2"], rechecks.Select(r => r.Parameters["tune.recheck"]));
        Assert.All(rechecks.Take(3), r => Assert.Contains("validation carved from train with seed 44", r.Protocol, StringComparison.Ordinal));
        Assert.All(rechecks.Skip(3), r => Assert.Contains("validation carved from train with seed 45", r.Protocol, StringComparison.Ordinal));
        Assert.DoesNotContain(result.Trials.Take(5), r => r.Parameters.ContainsKey("tune.recheck"));

        var recheck = Assert.IsType<RecheckOutcome>(result.Recheck);
        Assert.Equal(3, recheck.Rows.Count);
        Assert.Empty(recheck.Rows[0].Candidate.Setting); // the defaults first
        var top2 = result.Trials.Skip(1).Take(4).OrderByDescending(r => r.Means["ndcg@10"]).Take(2).Select(r => r.Parameters["beta"]).ToArray();
        Assert.Equal(top2, recheck.Rows.Skip(1).Select(r => r.Candidate.Setting["beta"]));
        // Each row's carve means are the recorded re-check runs' means; the chosen setting has the highest mean over them.
        Assert.Equal(rechecks[1].Means["ndcg@10"], recheck.Rows[1].CarveMeans[0], 9);
        Assert.Equal(rechecks[4].Means["ndcg@10"], recheck.Rows[1].CarveMeans[1], 9);
        Assert.Equal(recheck.Rows.Max(r => r.Mean), recheck.Chosen.Mean);
        Assert.Equal(recheck.Chosen.Candidate.Setting.Count, result.BestSettings.Count);
        foreach (var (key, value) in recheck.Chosen.Candidate.Setting) Assert.Equal(value, result.BestSettings[key]);
    }

    [Fact]
    public void ValidationSeed_DrawsAnotherCarveOfTheSameTrainingPart()
    {
        var other = Carve(1);

        var a = Validation.Value.Statistics;
        var b = other.Statistics;
        Assert.Equal(a["train-pairs"] + a["held-out-pairs"], b["train-pairs"] + b["held-out-pairs"]);
        Assert.NotEqual(Validation.Value.Target.ColumnIndices.ToArray(), other.Target.ColumnIndices.ToArray());
        var test = ProtocolPreparer.Prepare(World.Value, new ProtocolOptions { Seed = 42, ValidationSeed = 99 });
        var plainTest = ProtocolPreparer.Prepare(World.Value, new ProtocolOptions { Seed = 42 });
        Assert.Equal(plainTest.Target.ColumnIndices.ToArray(), test.Target.ColumnIndices.ToArray());
    }

    [Fact]
    public void Options_WithoutBudget_Throw()
    {
        Assert.Throws<ArgumentException>(() => TuneRunner.Run(Validation.Value, "als", new TuneOptions(), Settings));
    }

    [Theory]
    [InlineData("40", 40, null)]
    [InlineData("10m", null, 10.0)]
    [InlineData("90s", null, 1.5)]
    [InlineData("2min", null, 2.0)]
    public void ParseBudget_TrialsOrTime(string text, int? trials, double? minutes) => Assert.Equal((trials, minutes), TuneOptions.ParseBudget(text));

    [Fact]
    public void ParseBudget_Garbage_SaysWhatIsExpected()
    {
        var error = Assert.Throws<ArgumentException>(() => TuneOptions.ParseBudget("soon"));
        Assert.Contains("10m", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SearchSpace_Draws_StayInRange()
    {
        var rng = new Rng(4);
        var space = SearchSpace.For("als");
        for (var i = 0; i < 200; i++)
        {
            var s = space.Draw(ref rng);
            var reg = double.Parse(s["regularization"], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(reg, 0.999, 300.1);
            var alpha = double.Parse(s["alpha"], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(alpha, 0.299, 30.1);
            var nu = double.Parse(s["frequency-scaling"], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(nu, 0, 1);
            Assert.Contains(s["factors"], new[] { "32", "64", "128", "192", "256" });
        }
    }

    [Fact]
    public void SettingsFile_RoundTrips_AndNamesBadLines()
    {
        var path = Path.Combine(_dir, "tuned.ini");
        TunedSettingsFile.Write(path, new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["als"] = new Dictionary<string, string> { ["factors"] = "192", ["regularization"] = "40" },
            ["data"] = new Dictionary<string, string> { ["confidence"] = "log1p" },
        }, ["chosen on validation"]);

        var read = TunedSettingsFile.Read(path);
        Assert.Equal("192", read["ALS"]["Factors"]);
        Assert.Equal(["als.factors=192", "als.regularization=40", "data.confidence=log1p"], TunedSettingsFile.AsTerms(read).ToArray());

        File.WriteAllText(path, "# c\n[als]\nfactors 192\n");
        var error = Assert.Throws<DataFormatException>(() => TunedSettingsFile.Read(path));
        Assert.Contains(":3", error.Message, StringComparison.Ordinal);
        Assert.Contains("key = value", error.Message, StringComparison.Ordinal);
    }
}
