using Encore.Core.Randomness;
using Encore.Core.Ranking;

namespace Encore.Core.Tests.Ranking;

public sealed class TopKSelectorTests
{
    [Theory]
    [InlineData(1, 11UL)]
    [InlineData(5, 12UL)]
    [InlineData(10, 13UL)]
    [InlineData(100, 14UL)]
    [InlineData(999, 15UL)]
    [InlineData(1000, 16UL)]
    [InlineData(1500, 17UL)]
    public void OfferAll_RandomScoresWithTiesAndNaN_MatchesFullSort(int k, ulong seed)
    {
        var scores = RandomScores(1000, seed);
        var sut = new TopKSelector(k);

        sut.OfferAll(scores);

        AssertDrainEquals(Reference(scores, k), sut);
    }

    [Theory]
    [InlineData(1, 21UL)]
    [InlineData(7, 22UL)]
    [InlineData(64, 23UL)]
    [InlineData(2000, 24UL)]
    public void Offer_RandomScoresInShuffledOrder_MatchesFullSort(int k, ulong seed)
    {
        var scores = RandomScores(1000, seed);
        var order = Enumerable.Range(0, scores.Length).ToArray();
        var rng = new Rng(seed);
        rng.Shuffle(order.AsSpan());
        var sut = new TopKSelector(k);

        foreach (var id in order) sut.Offer(id, scores[id]);

        AssertDrainEquals(Reference(scores, k), sut);
    }

    [Fact]
    public void Offer_EqualScores_PrefersSmallerIndex()
    {
        var sut = new TopKSelector(2);

        sut.Offer(5, 1f);
        sut.Offer(3, 1f);
        sut.Offer(9, 1f);
        sut.Offer(1, 0.5f);
        sut.Offer(4, 1f);

        AssertDrainEquals([(3, 1f), (4, 1f)], sut);
    }

    [Fact]
    public void OfferAll_TieWithEarlierOfferedLargerId_PrefersSmallerIndex()
    {
        var sut = new TopKSelector(1);
        sut.Offer(100, 1f);

        sut.OfferAll([1f]);

        AssertDrainEquals([(0, 1f)], sut);
    }

    [Fact]
    public void Offer_NaNScores_AreIgnored()
    {
        var sut = new TopKSelector(3);

        sut.OfferAll([float.NaN, 2f, float.NaN, float.NegativeInfinity]);
        sut.Offer(7, float.NaN);

        AssertDrainEquals([(1, 2f), (3, float.NegativeInfinity)], sut);
    }

    [Fact]
    public void OfferAll_KIsZero_KeepsNothing()
    {
        var sut = new TopKSelector(0);

        sut.OfferAll([1f, 2f]);
        sut.Offer(5, 3f);

        Assert.Equal(0, sut.Count);
        Assert.Equal(0, sut.Drain([], []));
    }

    [Fact]
    public void Threshold_KIsZero_IsPositiveInfinity()
    {
        Assert.Equal(float.PositiveInfinity, new TopKSelector(0).Threshold);
        var reset = new TopKSelector(2);
        reset.Reset(0);
        Assert.Equal(float.PositiveInfinity, reset.Threshold);
    }

    [Fact]
    public void Reset_ToZero_KeepsNothing()
    {
        var sut = new TopKSelector(4);
        sut.OfferAll([1f, 2f]);

        sut.Reset(0);
        sut.OfferAll([5f, 6f]);

        Assert.Equal(0, sut.Count);
    }

    [Fact]
    public void OfferAll_KLargerThanN_KeepsAllBestFirst()
    {
        var sut = new TopKSelector(10);

        sut.OfferAll([0.5f, 3f, -1f]);

        Assert.Equal(3, sut.Count);
        AssertDrainEquals([(1, 3f), (0, 0.5f), (2, -1f)], sut);
    }

    [Fact]
    public void Reset_AfterUse_StartsEmptyWithNewK()
    {
        var sut = new TopKSelector(5);
        sut.OfferAll([9f, 8f, 7f, 6f, 5f, 4f]);

        sut.Reset(2);
        sut.OfferAll([1f, 3f, 2f]);

        AssertDrainEquals([(1, 3f), (2, 2f)], sut);
        sut.Reset(5);
        sut.Offer(4, 4f);
        AssertDrainEquals([(4, 4f)], sut);
    }

    [Fact]
    public void Reset_KAboveCapacityOrNegative_Throws()
    {
        var sut = new TopKSelector(3);

        Assert.Throws<ArgumentOutOfRangeException>(() => sut.Reset(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => sut.Reset(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TopKSelector(-1));
    }

    [Fact]
    public void Drain_AfterOffers_WritesBestFirstAndEmpties()
    {
        var sut = new TopKSelector(4);
        sut.OfferAll([0.1f, 0.9f, 0.4f, 0.7f, 0.3f, 0.8f]);
        var ids = new int[6];
        var scores = new float[6];

        var written = sut.Drain(ids, scores);

        Assert.Equal(4, written);
        Assert.Equal(new[] { 1, 5, 3, 2, 0, 0 }, ids);
        Assert.Equal(new[] { 0.9f, 0.8f, 0.7f, 0.4f, 0f, 0f }, scores);
        Assert.Equal(0, sut.Count);
    }

    [Fact]
    public void Drain_OutputTooShort_ThrowsArgumentException()
    {
        var sut = new TopKSelector(3);
        sut.OfferAll([1f, 2f, 3f]);

        Assert.Throws<ArgumentException>(() => sut.Drain(new int[2], new float[3]));
    }

    [Fact]
    public void Threshold_NotFullThenFull_IsMinusInfinityThenWorstKept()
    {
        var sut = new TopKSelector(2);
        sut.Offer(0, 5f);

        Assert.Equal(float.NegativeInfinity, sut.Threshold);
        sut.Offer(1, 3f);
        sut.Offer(2, 4f);
        Assert.Equal(4f, sut.Threshold);
    }

    private static float[] RandomScores(int n, ulong seed)
    {
        var rng = new Rng(seed);
        var scores = new float[n];
        for (var i = 0; i < n; i++)
        {
            // Few distinct values so ties are frequent; about 5% NaN.
            var roll = rng.NextInt(20);
            scores[i] = roll == 0 ? float.NaN : rng.NextInt(-30, 30) / 8f;
        }
        return scores;
    }

    private static (int Id, float Score)[] Reference(float[] scores, int k) =>
        scores.Select((s, i) => (Id: i, Score: s)).Where(p => !float.IsNaN(p.Score))
            .OrderByDescending(p => p.Score).ThenBy(p => p.Id).Take(k).ToArray();

    private static void AssertDrainEquals((int Id, float Score)[] expected, TopKSelector sut)
    {
        var ids = new int[sut.Capacity];
        var scores = new float[sut.Capacity];
        var n = sut.Drain(ids, scores);
        Assert.Equal(expected.Select(e => e.Id).ToArray(), ids[..n]);
        Assert.Equal(expected.Select(e => e.Score).ToArray(), scores[..n]);
    }
}
