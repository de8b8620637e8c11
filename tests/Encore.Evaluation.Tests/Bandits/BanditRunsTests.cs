using Encore.Evaluation.Bandits;
using Encore.Evaluation.Reports;
using Encore.Evaluation.Runs;
using Encore.Models.Bandits;

namespace Encore.Evaluation.Tests.Bandits;

public sealed class BanditRunsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-bandit-runs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static BanditTrajectory Trajectory(string policy, double slope) => new(policy,
        [.. Enumerable.Range(1, 25).Select(t => 0.5 * t)],
        [.. Enumerable.Range(1, 25).Select(t => slope * t)],
        [.. Enumerable.Range(1, 25).Select(_ => 0.5)]);

    [Fact]
    public void FromSimulation_RecordsEveryNthRoundAndTheLast_ForEachSeries()
    {
        var options = new BanditSimulationOptions { Rounds = 25, Seed = 7 };
        var sut = BanditRuns.FromSimulation(Trajectory("linucb(alpha=0.2)", 0.1), options, "synthetic tiny", 10, TimeProvider.System);
        Assert.Equal(BanditRuns.SimulationKind, sut.Kind);
        Assert.Equal([10, 20, 25], sut.Curve.Where(p => p.Series == BanditRuns.Regret).Select(p => p.Step));
        Assert.Equal(2.5, sut.Curve.Single(p => p.Series == BanditRuns.Regret && p.Step == 25).Value, 12);
        Assert.Equal(12.5, sut.Curve.Single(p => p.Series == BanditRuns.Reward && p.Step == 25).Value, 12);
        Assert.Equal(2.5, sut.Means["final-regret"], 12);
        Assert.Contains("seed=7", sut.Protocol, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulationRuns_SavedAndReadBack_CurvesIntact_AndTheReportPlotsThemOnOneChart()
    {
        var options = new BanditSimulationOptions { Rounds = 25 };
        var runs = new[]
        {
            BanditRuns.FromSimulation(Trajectory("linucb(alpha=0.2)", 0.1), options, "synthetic tiny", 1, TimeProvider.System),
            BanditRuns.FromSimulation(Trajectory("random", 0.9), options, "synthetic tiny", 1, TimeProvider.System),
        };
        var store = new SqliteRunStore(Path.Combine(_dir, "encore.db"));
        store.Save(runs);
        var back = runs.Select(r => store.GetRequired(r.Id)).ToList();
        for (var i = 0; i < runs.Length; i++) Assert.Equal(runs[i].Curve, back[i].Curve);

        var html = HtmlReport.Render(back);
        Assert.Contains("curve-regret", html, StringComparison.Ordinal);
        Assert.Contains("curve-ctr", html, StringComparison.Ordinal);
        Assert.Contains("Line chart of regret per round for 2 runs", html, StringComparison.Ordinal);
    }

    [Fact]
    public void FromReplay_CarriesTheIntervalAndTheCtrCurve()
    {
        var estimate = new ReplayEstimate("random", 0.5, 0.4, 0.6, 4, 40, [1, 0.5, 0.333, 0.5]);
        var sut = BanditRuns.FromReplay(estimate, "r3-fixture", 3, 1, TimeProvider.System);
        Assert.Equal(BanditRuns.ReplayKind, sut.Kind);
        Assert.Equal(new MetricInterval(0.4, 0.6), sut.Intervals[BanditRuns.Ctr]);
        Assert.Equal(estimate.RunningMean, sut.Curve.Select(p => p.Value));
    }

    [Theory]
    [InlineData("linucb:0.2,hybrid:0.3,thompson:0.1,epsilon:0.1,greedy,random", "linucb(alpha=0.2)|hybrid-linucb(alpha=0.3)|thompson(v=0.1)|epsilon-greedy(eps=0.1)|greedy|random")]
    [InlineData("hybrid:0.5:3", "hybrid-linucb(alpha=0.5, user-lambda=3)")]
    // The name the service takes (POST /api/users/{id}/next, [bandit] policy) was refused here ("expected one of ... epsilon:EPS").
    [InlineData("epsilon-greedy:0.2,Epsilon-Greedy", "epsilon-greedy(eps=0.2)|epsilon-greedy(eps=0.1)")]
    public void PolicySpec_Parse_MakesTheNamedLearners(string list, string names)
    {
        var learners = BanditPolicySpec.Parse(list).Select(f => f(4, 1)).ToList();
        Assert.Equal(names.Split('|'), learners.Select(l => l.Name));
        Assert.All(learners, l => Assert.Equal(4, l.Dimension));
    }

    [Theory]
    [InlineData("ucb:1", "ucb:1")]
    [InlineData("epsilon:2", "outside")]
    [InlineData("linucb:x", "not a number")]
    [InlineData("linucb:0.1:2", "only hybrid")]
    public void PolicySpec_BadItem_ThrowsNamingIt(string list, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => BanditPolicySpec.Parse(list));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
