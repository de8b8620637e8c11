using Encore.Core.Ids;

namespace Encore.Core.Tests.Ids;

public sealed class IdMapTests
{
    [Fact]
    public void GetOrAdd_RepeatedIds_AssignsDenseIndicesInOrderOfFirstAppearance()
    {
        var sut = new IdMap();

        var indices = new[] { "u7", "u3", "u7", "u9", "u3", "u1" }.Select(sut.GetOrAdd).ToArray();

        Assert.Equal(new[] { 0, 1, 0, 2, 1, 3 }, indices);
        Assert.Equal(4, sut.Count);
        Assert.Equal(new[] { "u7", "u3", "u9", "u1" }, sut.Ids);
        Assert.Equal("u9", sut[2]);
    }

    [Fact]
    public void GetOrAdd_SpanAndString_ReturnSameIndex()
    {
        var sut = new IdMap();
        var line = "user42\titem17";

        var fromSpan = sut.GetOrAdd(line.AsSpan(0, 6));
        var fromString = sut.GetOrAdd("user42");
        var secondSpan = sut.GetOrAdd(line.AsSpan(7));

        Assert.Equal(0, fromSpan);
        Assert.Equal(0, fromString);
        Assert.Equal(1, secondSpan);
        Assert.Equal("item17", sut[1]);
    }

    [Fact]
    public void Lookups_SpanAndString_Agree()
    {
        var sut = IdMap.FromIds(["a", "bb", "ccc"]);
        var buffer = "xxbbyy";

        Assert.True(sut.TryGetIndex(buffer.AsSpan(2, 2), out var fromSpan));
        Assert.True(sut.TryGetIndex("bb", out var fromString));
        Assert.Equal(1, fromSpan);
        Assert.Equal(1, fromString);
        Assert.Equal(1, sut.IndexOf(buffer.AsSpan(2, 2)));
        Assert.Equal(1, sut.IndexOf("bb"));
        Assert.True(sut.Contains(buffer.AsSpan(2, 2)));
    }

    [Fact]
    public void IndexOf_UnknownId_ReturnsMinusOne()
    {
        var sut = IdMap.FromIds(["a", "b"]);

        Assert.Equal(-1, sut.IndexOf("c"));
        Assert.Equal(-1, sut.IndexOf(""));
        Assert.Equal(-1, sut.IndexOf("A"));
        Assert.False(sut.TryGetIndex("c", out _));
        Assert.False(sut.TryGetIndex("c".AsSpan(), out _));
        Assert.False(sut.Contains("c"));
        Assert.Equal(2, sut.Count);
    }

    [Fact]
    public void FromIds_DistinctIds_KeepsGivenOrder()
    {
        var sut = IdMap.FromIds(["z", "y", "x"]);

        Assert.Equal(new[] { "z", "y", "x" }, sut.Ids);
        Assert.Equal(2, sut.IndexOf("x"));
    }

    [Fact]
    public void FromIds_DuplicateId_ThrowsArgumentExceptionNamingTheId()
    {
        var ex = Assert.Throws<ArgumentException>(() => IdMap.FromIds(["a", "b", "a"]));

        Assert.Equal("ids", ex.ParamName);
        Assert.Contains("'a'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetOrAdd_NonAsciiIds_ComparesOrdinally()
    {
        var sut = new IdMap();
        const string composed = "Caf\u00e9";
        const string decomposed = "Cafe\u0301";

        Assert.Equal(0, sut.GetOrAdd("Bj\u00f6rk"));
        Assert.Equal(1, sut.GetOrAdd("\u5742\u672c\u9f8d\u4e00"));
        Assert.Equal(2, sut.GetOrAdd("\U0001F3B5 beat"));
        Assert.Equal(3, sut.GetOrAdd(composed));
        Assert.Equal(4, sut.GetOrAdd(decomposed));
        Assert.Equal(0, sut.GetOrAdd("xBj\u00f6rkx".AsSpan(1, 5)));
        Assert.Equal(2, sut.IndexOf("\U0001F3B5 beat".AsSpan()));
        Assert.Equal(-1, sut.IndexOf("bj\u00f6rk"));
        Assert.Equal(5, sut.Count);
    }

    [Fact]
    public void Count_EmptyMap_IsZero()
    {
        var sut = new IdMap(16);

        Assert.Equal(0, sut.Count);
        Assert.Empty(sut.Ids);
        Assert.Equal(-1, sut.IndexOf("a"));
    }
}
