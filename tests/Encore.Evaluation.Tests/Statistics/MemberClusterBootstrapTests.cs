using Encore.Evaluation.Statistics;

namespace Encore.Evaluation.Tests.Statistics;

public sealed class MemberClusterBootstrapTests
{
    // 40 groups of 2 drawn round-robin from 8 users; every group holding user 0 gains 1, the others 0.
    private static (int[][] Members, double[] Differences) OneUserCarriesTheEffect()
    {
        var members = new int[40][];
        var differences = new double[40];
        for (var g = 0; g < 40; g++)
        {
            members[g] = [g % 8, (g / 8 + g % 8 + 1) % 8];
            differences[g] = members[g].Contains(0) ? 1 : 0;
        }
        return (members, differences);
    }

    [Fact]
    public void Compare_ConstantDifference_IntervalIsThePointAndSignificant()
    {
        var members = Enumerable.Range(0, 30).Select(g => new[] { g % 6, (g + 1) % 6 }).ToArray();

        var sut = MemberClusterBootstrap.Compare(members, [.. Enumerable.Repeat(0.25, 30)]);

        Assert.Equal(0.25, sut.MeanDifference, 12);
        Assert.Equal(0.25, sut.CiLow, 12);
        Assert.Equal(0.25, sut.CiHigh, 12);
        Assert.Equal(0, sut.PValue);
        Assert.True(sut.IsSignificant);
        Assert.Equal(6, sut.Users);
    }

    [Fact]
    public void Compare_EffectOfOneSharedUser_IsWiderThanTheBootstrapOverGroups()
    {
        var (members, differences) = OneUserCarriesTheEffect();

        var sut = MemberClusterBootstrap.Compare(members, differences);
        var (_, low, high) = BootstrapInterval.OfMean(differences, 2000);

        // The plain bootstrap treats 40 groups as independent; resampling the 8 users moves user 0's groups together.
        Assert.True(sut.CiHigh - sut.CiLow > 1.2 * (high - low), $"users {sut.CiLow}..{sut.CiHigh}, groups {low}..{high}");
        Assert.Equal(differences.Average(), sut.MeanDifference, 12);
        Assert.Equal(8, sut.Users);
    }

    [Fact]
    public void Compare_SameSeed_SameResult()
    {
        var (members, differences) = OneUserCarriesTheEffect();

        Assert.Equal(MemberClusterBootstrap.Compare(members, differences, seed: 7), MemberClusterBootstrap.Compare(members, differences, seed: 7));
    }

    [Fact]
    public void Compare_BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => MemberClusterBootstrap.Compare([[0, 1]], [0.1, 0.2]));
        Assert.Throws<ArgumentException>(() => MemberClusterBootstrap.Compare([], []));
        Assert.Throws<ArgumentException>(() => MemberClusterBootstrap.Compare([[]], [0.1]));
        Assert.Throws<ArgumentException>(() => MemberClusterBootstrap.Compare([[-1]], [0.1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MemberClusterBootstrap.Compare([[0]], [0.1], resamples: 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => MemberClusterBootstrap.Compare([[0]], [0.1], confidence: 1));
    }
}
