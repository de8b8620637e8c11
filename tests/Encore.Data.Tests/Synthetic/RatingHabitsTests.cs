using Encore.Core.Randomness;
using Encore.Data.Synthetic;

namespace Encore.Data.Tests.Synthetic;

public sealed class RatingHabitsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(19.9, 0)]
    [InlineData(20, 30)]
    [InlineData(45, 50)]
    [InlineData(79.9, 70)]
    [InlineData(80, 90)]
    [InlineData(100, 90)]
    public void Star_MapsPropensityToTheWidgetSpikes(double propensity, float expected) =>
        Assert.Equal(expected, RatingHabits.Star(propensity));

    [Fact]
    public void DrawLevelMix_IsCumulativeAndAveragesTheMeanMix()
    {
        var rng = new Rng(7);
        Span<double> mix = stackalloc double[4];
        var sums = new double[4];
        var trackOnly = 0;
        const int users = 20_000;
        for (var u = 0; u < users; u++)
        {
            RatingHabits.DrawLevelMix(mix, ref rng);
            Assert.Equal(1.0, mix[3]);
            for (var l = 0; l < 4; l++)
            {
                var share = mix[l] - (l == 0 ? 0 : mix[l - 1]);
                Assert.InRange(share, 0, 1);
                sums[l] += share;
            }
            if (mix[0] > 0.9) trackOnly++;
        }
        for (var l = 0; l < 4; l++) Assert.Equal(RatingHabits.MeanLevelMix[l], sums[l] / users, 2);
        // Concentration 2: a sizeable minority of users give over 90% of their ratings to tracks.
        Assert.InRange((double)trackOnly / users, 0.05, 0.4);
    }

    [Fact]
    public void Gamma_HasTheShapeAsMean()
    {
        var rng = new Rng(11);
        foreach (var shape in new[] { 0.2, 1.0, 3.5 })
        {
            double sum = 0;
            for (var i = 0; i < 20_000; i++) sum += RatingHabits.Gamma(shape, ref rng);
            Assert.Equal(shape, sum / 20_000, 1);
        }
    }
}
