using Encore.Core.Randomness;

namespace Encore.Core.Tests.Randomness;

public sealed class RngTests
{
    [Fact]
    public void NextUInt64_Seed42_MatchesGoldenValues()
    {
        // Hand-computed xoshiro256** seeded by SplitMix64(42); guards against accidental algorithm changes.
        var sut = new Rng(42);

        Assert.Equal(0x15780B2E0C2EC716UL, sut.NextUInt64());
        Assert.Equal(0x6104D9866D113A7EUL, sut.NextUInt64());
        Assert.Equal(0xAE17533239E499A1UL, sut.NextUInt64());
    }

    [Fact]
    public void NextUInt64_SameSeed_SameStream()
    {
        var a = new Rng(123);
        var b = new Rng(123);

        for (var i = 0; i < 1000; i++) Assert.Equal(a.NextUInt64(), b.NextUInt64());
    }

    [Fact]
    public void NextUInt64_DifferentSeeds_DifferentStreams()
    {
        var a = new Rng(1);
        var b = new Rng(2);

        Assert.NotEqual(Take(ref a, 8), Take(ref b, 8));
    }

    [Fact]
    public void Fork_SameSeedAndStream_Reproducible()
    {
        var a = Rng.Fork(99, 3);
        var b = Rng.Fork(99, 3);

        Assert.Equal(Take(ref a, 16), Take(ref b, 16));
    }

    [Fact]
    public void Fork_DifferentStreams_DifferFromEachOtherAndFromRoot()
    {
        var streams = new List<ulong[]>();
        for (ulong s = 0; s < 8; s++)
        {
            var fork = Rng.Fork(99, s);
            streams.Add(Take(ref fork, 4));
        }
        var root = new Rng(99);
        streams.Add(Take(ref root, 4));

        var firstValues = streams.Select(s => s[0]).ToHashSet();
        Assert.Equal(streams.Count, firstValues.Count);
    }

    [Fact]
    public void Copy_OfValueType_ContinuesTheSameStream()
    {
        var a = new Rng(5);
        a.NextUInt64();
        var b = a;

        Assert.Equal(a.NextUInt64(), b.NextUInt64());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(1000)]
    [InlineData(int.MaxValue)]
    public void NextInt_AnyBound_StaysInRange(int bound)
    {
        var sut = new Rng(17);

        for (var i = 0; i < 10_000; i++) Assert.InRange(sut.NextInt(bound), 0, bound - 1);
    }

    [Fact]
    public void NextInt_MinMax_StaysInRange()
    {
        var sut = new Rng(18);
        var seen = new HashSet<int>();

        for (var i = 0; i < 1000; i++) seen.Add(sut.NextInt(-3, 2));

        Assert.Equal(new[] { -3, -2, -1, 0, 1 }, seen.Order().ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void NextInt_NonPositiveBound_ThrowsArgumentOutOfRange(int bound)
    {
        var sut = new Rng(1);

        Assert.Throws<ArgumentOutOfRangeException>(() => sut.NextInt(bound));
    }

    [Theory]
    [InlineData(10, 1UL)]
    [InlineData(7, 2UL)]
    [InlineData(100, 3UL)]
    public void NextInt_ManyDraws_RoughlyUniform(int buckets, ulong seed)
    {
        const int draws = 200_000;
        var sut = new Rng(seed);
        var counts = new int[buckets];

        for (var i = 0; i < draws; i++) counts[sut.NextInt(buckets)]++;

        // Chi-square with buckets - 1 degrees of freedom has mean df and sd sqrt(2 df); allow mean + 6 sd.
        var expected = (double)draws / buckets;
        var chiSquare = counts.Sum(c => (c - expected) * (c - expected) / expected);
        var df = buckets - 1;
        Assert.InRange(chiSquare, 0, df + (6 * Math.Sqrt(2.0 * df)));
    }

    [Fact]
    public void NextDouble_ManyDraws_InUnitIntervalWithMeanNearHalf()
    {
        var sut = new Rng(8);
        var sum = 0.0;

        for (var i = 0; i < 100_000; i++)
        {
            var x = sut.NextDouble();
            Assert.True(x >= 0.0 && x < 1.0, $"{x} outside [0, 1)");
            sum += x;
        }

        Assert.InRange(sum / 100_000, 0.49, 0.51);
    }

    [Fact]
    public void NextFloat_ManyDraws_InUnitInterval()
    {
        var sut = new Rng(9);

        for (var i = 0; i < 100_000; i++)
        {
            var x = sut.NextFloat();
            Assert.True(x >= 0f && x < 1f, $"{x} outside [0, 1)");
        }
    }

    [Fact]
    public void NextGaussian_ManyDraws_MeanZeroVarianceOne()
    {
        var sut = new Rng(10);
        const int n = 100_000;
        double sum = 0, sumSq = 0;

        for (var i = 0; i < n; i++)
        {
            var x = sut.NextGaussian();
            sum += x;
            sumSq += x * x;
        }

        var mean = sum / n;
        Assert.InRange(mean, -0.02, 0.02);
        Assert.InRange((sumSq / n) - (mean * mean), 0.97, 1.03);
    }

    [Fact]
    public void Shuffle_Array_IsDeterministicPermutation()
    {
        var a = Enumerable.Range(0, 100).ToArray();
        var b = Enumerable.Range(0, 100).ToArray();
        var rngA = new Rng(4);
        var rngB = new Rng(4);

        rngA.Shuffle(a.AsSpan());
        rngB.Shuffle(b.AsSpan());

        Assert.Equal(a, b);
        Assert.Equal(Enumerable.Range(0, 100), a.Order());
        Assert.NotEqual(Enumerable.Range(0, 100), a);
    }

    [Fact]
    public void Shuffle_DifferentSeeds_DifferentOrders()
    {
        var a = Enumerable.Range(0, 50).ToArray();
        var b = Enumerable.Range(0, 50).ToArray();
        var rngA = new Rng(4);
        var rngB = new Rng(5);

        rngA.Shuffle(a.AsSpan());
        rngB.Shuffle(b.AsSpan());

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Shuffle_EmptyAndSingle_Unchanged()
    {
        var sut = new Rng(1);
        var single = new[] { 7 };

        sut.Shuffle(Span<int>.Empty);
        sut.Shuffle(single.AsSpan());

        Assert.Equal(new[] { 7 }, single);
    }

    private static ulong[] Take(ref Rng rng, int n)
    {
        var values = new ulong[n];
        for (var i = 0; i < n; i++) values[i] = rng.NextUInt64();
        return values;
    }
}
