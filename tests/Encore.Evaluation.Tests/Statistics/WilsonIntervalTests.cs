using Encore.Evaluation.Statistics;

namespace Encore.Evaluation.Tests.Statistics;

public sealed class WilsonIntervalTests
{
    [Theory]
    // 50 / 100: centre 0.5, half-width 1.96 sqrt(0.0025 + 3.8415 / 40000) / 1.038415 = 0.09617.
    [InlineData(0.5, 100, 0.40383, 0.59617)]
    // 0 / 10: centre 0.19207 / 1.38415 = 0.13876 and the same half-width, so the low end is 0 and the high 0.27753.
    [InlineData(0.0, 10, 0.0, 0.27753)]
    public void Of_HandWorked(double p, int n, double low, double high)
    {
        var (l, h) = WilsonInterval.Of(p, n);

        Assert.Equal(low, l, 4);
        Assert.Equal(high, h, 4);
    }

    [Fact]
    public void Of_NoTrials_IsNaN() => Assert.True(double.IsNaN(WilsonInterval.Of(0.5, 0).Low));
}
