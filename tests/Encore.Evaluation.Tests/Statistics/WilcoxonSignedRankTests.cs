using Encore.Evaluation.Statistics;

namespace Encore.Evaluation.Tests.Statistics;

public sealed class WilcoxonSignedRankTests
{
    [Fact]
    public void Test_NoTies_MatchesHandWorkedNormalApproximation()
    {
        // |d| ranks 1..5, W+ = 1 + 3 + 4 + 5 = 13, mean 7.5, variance 5*6*11/24 = 13.75,
        // z = (13 - 7.5 - 0.5) / sqrt(13.75) = 1.34840; two-sided p = 0.17753.
        var (wPlus, z, p) = WilcoxonSignedRank.Test([1, -2, 3, 4, 5]);
        Assert.Equal(13, wPlus, 12);
        Assert.Equal(5 / Math.Sqrt(13.75), z, 12);
        Assert.Equal(0.17753, p, 4);
    }

    [Fact]
    public void Test_TiesAndZeros_UseAverageRanksAndTieCorrection()
    {
        // Zero dropped -> n = 4; |d| = 1, 1, 1, 2 -> ranks 2, 2, 2, 4; W+ = 2 + 2 + 4 = 8; mean 5;
        // variance 4*5*9/24 - (27 - 3)/48 = 7; z = (8 - 5 - 0.5) / sqrt(7).
        var (wPlus, z, _) = WilcoxonSignedRank.Test([1, 0, 1, -1, 2]);
        Assert.Equal(8, wPlus, 12);
        Assert.Equal(2.5 / Math.Sqrt(7), z, 12);
    }

    [Fact]
    public void Test_AllZero_IsOne()
    {
        Assert.Equal(1.0, WilcoxonSignedRank.Test([0, 0, 0]).PValue);
        Assert.Equal(1.0, WilcoxonSignedRank.Test([]).PValue);
    }

    [Fact]
    public void NormalCdf_KnownQuantiles()
    {
        Assert.Equal(0.5, NormalDistribution.Cdf(0), 7);
        Assert.Equal(0.9750021, NormalDistribution.Cdf(1.96), 6);
        Assert.Equal(0.0013499, NormalDistribution.Cdf(-3), 6);
    }
}
