using Encore.Evaluation.Statistics;
using Encore.Online.Experiments;

namespace Encore.Online.Tests.Experiments;

public sealed class RatioComparisonTests
{
    [Fact]
    public void Estimate_HandComputed_MatchesTheDeltaMethod()
    {
        // y = [1, 2, 3], n = [2, 2, 4]: R = 6/8 = 0.75; residuals y - R n = [-0.5, 0.5, 0]; ss = 0.5;
        // n̄ = 8/3; Var = 0.5 / (3 * 2 * (8/3)^2) = 0.5 / 42.6667 = 0.01171875.
        var sut = RatioComparison.Estimate([1, 2, 3], [2, 2, 4]);
        Assert.Equal(0.75, sut.Value, 12);
        Assert.Equal(0.01171875, sut.Variance!.Value, 12);
        // Normal interval: 0.75 ± 1.959964 * sqrt(0.01171875) = 0.75 ± 0.212174.
        Assert.Equal(0.537826, sut.Low95!.Value, 5);
        Assert.Equal(0.962174, sut.High95!.Value, 5);
    }

    [Fact]
    public void Estimate_OneUnit_HasNoVarianceAndNoInterval()
    {
        // One user gives no spread: the variance is unknown, not 0 (it used to be 0, a zero-width interval).
        foreach (var sut in new[] { RatioComparison.Estimate([5], [10]), RatioComparison.EstimateProportion([5], [10]), RatioComparison.EstimateBounded([5], [10], 0, 1) })
        {
            Assert.Equal((1, 0.5), (sut.Units, sut.Value));
            Assert.False(sut.HasEnoughData);
            Assert.Equal((null, null, null), (sut.Variance, sut.Low95, sut.High95));
        }
    }

    [Fact]
    public void Estimate_NoImpressions_HasNoVariance()
    {
        var sut = RatioComparison.EstimateProportion([0, 0], [0, 0]);
        Assert.Equal((2, 0.0, false), (sut.Units, sut.Value, sut.HasEnoughData));
    }

    [Fact]
    public void NormalQuantile_KnownValues() => Assert.Equal(1.959964, RatioComparison.NormalQuantile(0.975), 5);

    [Fact]
    public void Compare_SameGroups_IsNotSignificant()
    {
        var a = RatioComparison.Estimate([1, 2, 3, 1], [4, 4, 4, 4]);
        var result = RatioComparison.Compare(a, a);
        Assert.Equal((0.0, 1.0, false), (result.Difference, Math.Round(result.PValue!.Value, 6), result.Significant));
        Assert.Equal("not significant", result.Verdict);
    }

    [Fact]
    public void Compare_HandComputed_ZAndP()
    {
        var control = new RatioEstimate(100, 10, 100, 0.1, 0.0004, null, null);
        var treatment = new RatioEstimate(100, 20, 100, 0.2, 0.0005, null, null);
        var result = RatioComparison.Compare(control, treatment);
        // z = 0.1 / sqrt(0.0009) = 3.3333; two-sided p = 0.000858
        Assert.Equal(3.333333, result.Z!.Value, 5);
        Assert.Equal(0.000858, result.PValue!.Value, 5);
        Assert.True(result.Significant);
        Assert.Equal("significant", result.Verdict);
        Assert.Equal(0.1 - 1.959964 * 0.03, result.Low!.Value, 5);
    }

    [Fact]
    public void Compare_OneUserControl_IsNotEnoughData_NeverSignificant()
    {
        // The user's report: control is one user (5 plays of 10), treatment four users y = [1, 2, 1, 2] of 10 each:
        // R = 0.15, Var = 1 / (4 * 3 * 100) = 1/1200. With the one user's variance taken as 0 the z-test gave
        // z = -0.35 / sqrt(1/1200) = -12.1 and "significant"; now there is no test.
        var control = RatioComparison.EstimateProportion([5], [10]);
        var treatment = RatioComparison.EstimateProportion([1, 2, 1, 2], [10, 10, 10, 10]);
        Assert.Equal(1.0 / 1200, treatment.Variance!.Value, 12);
        foreach (var result in new[] { RatioComparison.Compare(control, treatment), RatioComparison.Compare(treatment, control) })
        {
            Assert.False(result.Significant);
            Assert.Equal((null, null, null, null), (result.Low, result.High, result.Z, result.PValue));
            Assert.Equal("not enough data", result.Verdict);
            Assert.Contains("has 1 unit with impressions; a variance needs at least 2 per group", result.Reason, StringComparison.Ordinal);
        }
        Assert.Equal(-0.35, RatioComparison.Compare(control, treatment).Difference, 12);
    }

    [Fact]
    public void Compare_NoSpreadInEitherGroup_IsNotEnoughData()
    {
        // Every user of both groups has the same rate: both variances are 0 and z = d / 0 is undefined.
        var control = RatioComparison.EstimateProportion([0, 0, 0], [5, 5, 5]);
        var treatment = RatioComparison.EstimateProportion([5, 5, 5], [5, 5, 5]);
        var result = RatioComparison.Compare(control, treatment);
        Assert.Equal((1.0, false, "not enough data"), (result.Difference, result.Significant, result.Verdict));
        Assert.Contains("same rate", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EstimateProportion_HandComputed_WilsonAtTheEffectiveImpressions()
    {
        // y = [0, 4, 1], n = [4, 4, 4]: R = 5/12; residuals [-5/3, 7/3, -2/3], ss = 78/9; Var = (78/9) / (3 * 2 * 16)
        // = 0.0902778; n* = R(1 - R) / Var = 0.2430556 / 0.0902778 = 2.6923 (< 12 impressions: users differ a lot).
        // Wilson at p = 5/12, n = 2.6923, z² = 3.841459: centre 1.130081 / 2.426828 = 0.465664,
        // half 1.959964 * sqrt(0.0902778 + 0.1324898) / 2.426828 = 0.381184 -> [0.084480, 0.846848].
        var sut = RatioComparison.EstimateProportion([0, 4, 1], [4, 4, 4]);
        Assert.Equal(5.0 / 12, sut.Value, 12);
        Assert.Equal(0.0902778, sut.Variance!.Value, 6);
        Assert.Equal(0.084480, sut.Low95!.Value, 4);
        Assert.Equal(0.846848, sut.High95!.Value, 4);
    }

    [Fact]
    public void EstimateProportion_RateNearZero_StaysInsideZeroOne()
    {
        // y = [0, 0, 1], n = [10, 10, 10]: R = 1/30, Var = (2/3) / 600 = 0.00111111; the normal interval would be
        // 0.033333 ± 0.065332 = [-0.031999, 0.098666], below 0. n* = (1/30)(29/30) / 0.00111111 = 29;
        // Wilson at n = 29: centre 0.099565 / 1.132464 = 0.087919, half 0.082150 -> [0.005769, 0.170069].
        var normal = RatioComparison.Estimate([0, 0, 1], [10, 10, 10]);
        Assert.True(normal.Low95 < 0);
        var sut = RatioComparison.EstimateProportion([0, 0, 1], [10, 10, 10]);
        Assert.Equal(0.005769, sut.Low95!.Value, 4);
        Assert.Equal(0.170069, sut.High95!.Value, 4);
    }

    [Fact]
    public void EstimateProportion_AllZero_IsWilsonAtAllImpressions()
    {
        // R = 0 and Var = 0: n* = 30 impressions; Wilson at p = 0: [0, z²/n / (1 + z²/n)] = [0, 0.128049 / 1.128049].
        var sut = RatioComparison.EstimateProportion([0, 0, 0], [10, 10, 10]);
        Assert.Equal(0, sut.Low95!.Value, 12);
        Assert.Equal(0.113514, sut.High95!.Value, 5);
    }

    [Fact]
    public void EstimateProportion_MoreSuccessesThanTrials_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => RatioComparison.EstimateProportion([1, 3], [2, 2]));
        Assert.Contains("unit 1: 3 successes of 2 trials", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EstimateBounded_NormalIntervalBelowTheRange_IsClipped()
    {
        // Same data as above: normal [-0.031999, 0.098666], clipped to the range [0, 1].
        var sut = RatioComparison.EstimateBounded([0, 0, 1], [10, 10, 10], 0, 1);
        Assert.Equal(0, sut.Low95!.Value, 12);
        Assert.Equal(0.098666, sut.High95!.Value, 5);
        Assert.Throws<ArgumentException>(() => RatioComparison.EstimateBounded([0, 1], [1, 1], 1, 0));
    }

    [Fact]
    public void Analyse_OneUserVariant_EveryComparisonIsNotEnoughData()
    {
        var experiment = new AbExperiment { Name = "e", Variants = [new AbVariant("control", 0.5, Model: "a"), new AbVariant("treatment", 0.5, Model: "b")] };
        IReadOnlyList<OutcomeCount> Counts(string variant) => variant == "control"
            ? [new OutcomeCount("u0", ImpressionOutcome.Played, 5), new OutcomeCount("u0", ImpressionOutcome.None, 5)]
            : [.. Enumerable.Range(1, 4).SelectMany(u => new[] { new OutcomeCount($"u{u}", ImpressionOutcome.Played, 1 + u % 2), new OutcomeCount($"u{u}", ImpressionOutcome.None, 9 - u % 2) })];
        var report = AbAnalysis.Analyse(experiment, Counts);
        Assert.False(report.Variants[0].PlayRate.HasEnoughData);
        Assert.True(report.Variants[1].PlayRate.HasEnoughData);
        Assert.Equal(4, report.Comparisons.Count);
        Assert.All(report.Comparisons, c => Assert.Equal(("not enough data", false), (c.Result.Verdict, c.Result.Significant)));
    }

    [Fact]
    public void Analyse_RewardInterval_StaysInsideTheRewardRange()
    {
        // Skip reward -1: an impression's reward is in [-1, 1]. Three users whose rewards differ widely: the normal
        // interval leaves that range on both sides and is clipped to it.
        var experiment = new AbExperiment { Name = "e", Variants = [new AbVariant("control", 0.5, Model: "a"), new AbVariant("treatment", 0.5, Model: "b")] };
        IReadOnlyList<OutcomeCount> Counts(string variant) =>
            [new OutcomeCount("u1", ImpressionOutcome.Played, 2), new OutcomeCount("u2", ImpressionOutcome.Skipped, 2), new OutcomeCount("u3", ImpressionOutcome.Played, 1), new OutcomeCount("u3", ImpressionOutcome.None, 1)];
        var report = AbAnalysis.Analyse(experiment, Counts, rewards: new Encore.Online.Bandits.BanditRewardOptions { Skip = -1 });
        var reward = report.Variants[0].Reward;
        // Per user reward sums [2, -2, 1] over [2, 2, 2]: R = 1/6; residuals [5/3, -7/3, 2/3], ss = 78/9; Var = (78/9) / (3 * 2 * 4)
        // = 0.361111; normal 0.166667 ± 1.177792 = [-1.011125, 1.344459] -> clipped to [-1, 1].
        Assert.Equal(0.361111, reward.Variance!.Value, 5);
        Assert.Equal((-1.0, 1.0), (reward.Low95!.Value, reward.High95!.Value));
    }
}
