using Encore.Core.Randomness;
using Encore.Evaluation.Tuning;

namespace Encore.Evaluation.Tests.Tuning;

public sealed class RecheckSelectionTests
{
    private const int Users = 400;

    // A fake objective: each setting has a true quality; every carve adds per-user noise (seeded by carve and setting), and
    // "lucky" settings get a bonus on the searched carve (seed 43) only, as a carve's noise favours some settings.
    private static CarveScores Objective(double quality, ulong carveSeed, int setting, double luck = 0)
    {
        var rng = new Rng(carveSeed * 1000 + (ulong)setting);
        var users = Enumerable.Range(0, Users).ToArray();
        var values = users.Select(_ => Math.Clamp(quality + (carveSeed == 43 ? luck : 0) + (rng.NextDouble() - 0.5) * 0.4, 0, 1)).ToArray();
        return new CarveScores(users, values);
    }

    private static RecheckCandidate Candidate(string name, double quality, int setting, double luck = 0, double complexity = double.NaN) =>
        new(new Dictionary<string, string> { ["name"] = name }, Objective(quality, 43, setting, luck).Mean,
            [Objective(quality, 44, setting), Objective(quality, 45, setting), Objective(quality, 46, setting)], complexity);

    [Fact]
    public void Choose_SettingThatWonTheSearchedCarveByLuck_IsNotChosen()
    {
        RecheckCandidate[] candidates =
        [
            Candidate("defaults", 0.20, 0),
            Candidate("lucky", 0.22, 1, luck: 0.06),
            Candidate("steady", 0.25, 2),
            Candidate("weak", 0.15, 3, luck: 0.02),
        ];
        // The premise: on the searched carve the lucky one leads.
        Assert.Equal("lucky", candidates.MaxBy(c => c.SearchValue)!.Setting["name"]);

        var outcome = RecheckSelection.Choose(candidates);

        Assert.Equal("steady", outcome.Chosen.Candidate.Setting["name"]);
        Assert.Equal(outcome.BestIndex, outcome.ChosenIndex);
        Assert.Equal(SelectionRule.Mean, outcome.Rule);
        Assert.All(outcome.Rows, r => Assert.Equal(3, r.CarveMeans.Count));
        Assert.Equal(outcome.Chosen.CarveMeans.Average(), outcome.Chosen.Mean, 12);
        Assert.Equal(0, outcome.Chosen.Gap);
        Assert.True(outcome.Rows[1].Gap > 2 * outcome.Rows[1].GapStandardError, "the lucky setting loses clearly on the re-check carves");
    }

    [Fact]
    public void Choose_OneStandardError_PrefersTheSimplestSettingWithinOneSe()
    {
        // "medium" is "big" shifted by -0.001 per user with +-0.05 jitter (paired SE about 0.0014 > gap 0.001);
        // "small" is 0.03 below: far outside one SE although simplest.
        var big = Candidate("big", 0.25, 0, complexity: 256);
        static CarveScores Shift(CarveScores s, Func<int, double> by) => new(s.Users, [.. s.Values.Select((v, k) => v + by(k))]);
        var medium = big with
        {
            Setting = new Dictionary<string, string> { ["name"] = "medium" },
            Carves = [.. big.Carves.Select(c => Shift(c, k => -0.001 + (k % 2 == 0 ? 0.05 : -0.05)))],
            Complexity = 128,
        };
        var small = big with
        {
            Setting = new Dictionary<string, string> { ["name"] = "small" },
            Carves = [.. big.Carves.Select(c => Shift(c, k => -0.03 + (k % 2 == 0 ? 0.05 : -0.05)))],
            Complexity = 32,
        };

        var mean = RecheckSelection.Choose([big, medium, small], SelectionRule.Mean);
        var oneSe = RecheckSelection.Choose([big, medium, small], SelectionRule.OneStandardError);

        Assert.Equal("big", mean.Chosen.Candidate.Setting["name"]);
        Assert.Equal(0.001, oneSe.Rows[1].Gap, 9);
        Assert.True(oneSe.Rows[1].WithinOneStandardError);
        Assert.False(oneSe.Rows[2].WithinOneStandardError);
        Assert.Equal("medium", oneSe.Chosen.Candidate.Setting["name"]);
        Assert.Equal(0, oneSe.BestIndex);
    }

    [Fact]
    public void Choose_GapStandardError_IsThePooledPairedStandardError()
    {
        // Carve 1: differences 0.1, 0.3 (variance 0.02); carve 2: differences 0.0, 0.2 (variance 0.02). SE = sqrt(0.02/2 + 0.02/2) / 2.
        var best = new RecheckCandidate(new Dictionary<string, string>(), 0, [new CarveScores([0, 1], [0.5, 0.7]), new CarveScores([0, 1], [0.4, 0.6])], 1);
        var other = new RecheckCandidate(new Dictionary<string, string>(), 0, [new CarveScores([1, 0], [0.4, 0.4]), new CarveScores([0, 1], [0.4, 0.4])], 1);

        var outcome = RecheckSelection.Choose([other, best]);

        Assert.Equal(1, outcome.BestIndex);
        Assert.Equal(0.15, outcome.Rows[0].Gap, 12);
        Assert.Equal(Math.Sqrt(0.02) / 2, outcome.Rows[0].GapStandardError, 12);
        Assert.Equal(Math.Sqrt(0.005), outcome.Rows[1].Spread, 12); // carve means 0.6 and 0.5
    }

    [Fact]
    public void Choose_BadInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => RecheckSelection.Choose([]));
        var one = new RecheckCandidate(new Dictionary<string, string>(), 0, [new CarveScores([0], [1.0])], 1);
        var two = new RecheckCandidate(new Dictionary<string, string>(), 0, [new CarveScores([0], [1.0]), new CarveScores([0], [1.0])], 1);
        var error = Assert.Throws<ArgumentException>(() => RecheckSelection.Choose([one, two]));
        Assert.Contains("same 1 carve", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SearchSpace_Complexity_ReadsTheSizingSetting()
    {
        Assert.Equal(192, SearchSpace.For("als").Complexity(new Dictionary<string, string> { ["factors"] = "192" }));
        Assert.Equal(-500, SearchSpace.For("ease").Complexity(new Dictionary<string, string> { ["lambda"] = "500" }));
        Assert.True(double.IsNaN(SearchSpace.For("als").Complexity(new Dictionary<string, string>())));
    }
}
