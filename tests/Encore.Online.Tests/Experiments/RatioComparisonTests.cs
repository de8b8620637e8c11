using Encore.Evaluation.Statistics;

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
        Assert.Equal(0.01171875, sut.Variance, 12);
    }

    [Fact]
    public void NormalQuantile_KnownValues() => Assert.Equal(1.959964, RatioComparison.NormalQuantile(0.975), 5);

    [Fact]
    public void Compare_SameGroups_IsNotSignificant()
    {
        var a = RatioComparison.Estimate([1, 2, 3, 1], [4, 4, 4, 4]);
        var result = RatioComparison.Compare(a, a);
        Assert.Equal((0.0, 1.0, false), (result.Difference, Math.Round(result.PValue, 6), result.Significant));
    }

    [Fact]
    public void Compare_HandComputed_ZAndP()
    {
        var control = new RatioEstimate(100, 10, 100, 0.1, 0.0004);
        var treatment = new RatioEstimate(100, 20, 100, 0.2, 0.0005);
        var result = RatioComparison.Compare(control, treatment);
        // z = 0.1 / sqrt(0.0009) = 3.3333; two-sided p = 0.000858
        Assert.Equal(3.333333, result.Z, 5);
        Assert.Equal(0.000858, result.PValue, 5);
        Assert.True(result.Significant);
        Assert.Equal(0.1 - 1.959964 * 0.03, result.Low, 5);
    }
}
