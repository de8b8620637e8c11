using Encore.Core.Ids;

namespace Encore.Core.Tests.Ids;

public sealed class IntKeyMapTests
{
    [Fact]
    public void MapInPlace_RepeatedKeys_GivesTheOrderAnIdMapGivesTheSameIdsAsStrings()
    {
        int[] keys = [70, 3, 70, 2_000_000_000, 3, 0, 65_536, 2_000_000_000, 123_456_789];
        var reference = new IdMap();
        var expected = keys.Select(k => reference.GetOrAdd(k.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var sut = new IntKeyMap();

        var mapped = (int[])keys.Clone();
        sut.MapInPlace(mapped);

        Assert.Equal(expected, mapped);
        Assert.Equal(reference.Count, sut.Count);
        Assert.Equal(reference.Ids, sut.ToIdMap().Ids);
        Assert.Equal(2_000_000_000, sut[2]);
    }

    [Fact]
    public void IndexOf_KnownUnknownAndNegativeKeys()
    {
        var sut = new IntKeyMap();
        sut.GetOrAdd(5);
        sut.GetOrAdd(int.MaxValue);

        Assert.Equal(0, sut.IndexOf(5));
        Assert.Equal(1, sut.IndexOf(int.MaxValue));
        Assert.Equal(-1, sut.IndexOf(6));
        Assert.Equal(-1, sut.IndexOf(1_000_000));
        Assert.Equal(-1, sut.IndexOf(-1));
    }

    [Fact]
    public void GetOrAdd_LargeKeyFirstThenTableGrowsPastIt_KeepsItsIndex()
    {
        var sut = new IntKeyMap();
        // 200,000 is beyond the first table bound, so it starts in the dictionary; the dense keys after it grow the
        // table past it, which must move it without changing its index.
        Assert.Equal(0, sut.GetOrAdd(200_000));
        for (var k = 0; k < 50_000; k++) Assert.Equal(k + 1, sut.GetOrAdd((k * 5) + 1));

        Assert.Equal(0, sut.GetOrAdd(200_000));
        Assert.Equal(0, sut.IndexOf(200_000));
        Assert.Equal(50_001, sut.Count);
        Assert.Equal(12_346, sut.IndexOf(61_726));
    }

    [Fact]
    public void GetOrAdd_RandomKeys_MatchesDictionaryReference()
    {
        var random = new Random(7);
        var reference = new Dictionary<int, int>();
        var sut = new IntKeyMap();
        for (var i = 0; i < 20_000; i++)
        {
            var key = random.Next(4) == 0 ? random.Next() : random.Next(30_000);
            if (!reference.TryGetValue(key, out var expected)) reference[key] = expected = reference.Count;
            Assert.Equal(expected, sut.GetOrAdd(key));
        }
        foreach (var (key, index) in reference) Assert.Equal(index, sut.IndexOf(key));
    }

    [Fact]
    public void GetOrAdd_NegativeKey_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new IntKeyMap().GetOrAdd(-3));
}
