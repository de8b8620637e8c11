using Encore.Data.Text;

namespace Encore.Data.Tests.Text;

public sealed class Utf8ParsersTests
{
    [Theory]
    [InlineData("2009-05-04T23:08:57Z", 1241478537000L)]
    [InlineData("2009-05-04 23:08:57", 1241478537000L)]
    [InlineData("2009-05-04T23:08:57.250", 1241478537250L)]
    [InlineData("2009-05-04T23:08:57+02:00", 1241471337000L)]
    [InlineData("2009-05-04T23:08:57-0130", 1241483937000L)]
    [InlineData("2009-05-04T23:08", 1241478480000L)]
    [InlineData("2009-05-04", 1241395200000L)]
    [InlineData("1970-01-01T00:00:00Z", 0L)]
    public void TryIso8601_ValidForms_GiveUnixMs(string text, long expected)
    {
        Assert.True(Utf8Timestamps.TryIso8601(System.Text.Encoding.ASCII.GetBytes(text), out var ms));
        Assert.Equal(expected, ms);
    }

    [Theory]
    [InlineData("2009-02-29")]
    [InlineData("2009-13-01T00:00:00Z")]
    [InlineData("2009-05-04T24:00:00")]
    [InlineData("04/05/2009")]
    [InlineData("2009-05-04T23:08:57 UTC")]
    [InlineData("")]
    public void TryIso8601_Invalid_ReturnsFalse(string text) =>
        Assert.False(Utf8Timestamps.TryIso8601(System.Text.Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void TryEpoch_SecondsAndMilliseconds_Scale()
    {
        Assert.True(Utf8Timestamps.TryEpoch("1262304000"u8, milliseconds: false, out var s));
        Assert.Equal(1262304000000L, s);
        Assert.True(Utf8Timestamps.TryEpoch("1262304000123"u8, milliseconds: true, out var ms));
        Assert.Equal(1262304000123L, ms);
        Assert.False(Utf8Timestamps.TryEpoch("soon"u8, milliseconds: true, out _));
    }

    [Fact]
    public void Numbers_WholeFieldOnly_InvariantCulture()
    {
        Assert.True(Utf8Numbers.TryFloat("4.5"u8, out var f));
        Assert.Equal(4.5f, f);
        Assert.True(Utf8Numbers.TryFloat("1e3"u8, out var e));
        Assert.Equal(1000f, e);
        Assert.False(Utf8Numbers.TryFloat("4,5"u8, out _));
        Assert.False(Utf8Numbers.TryInt("12a"u8, out _));
        Assert.False(Utf8Numbers.TryInt(""u8, out _));
        Assert.True(Utf8Numbers.TryInt("-7"u8, out var i));
        Assert.Equal(-7, i);
        Assert.True(Utf8Numbers.TryLong("12345678901234567890"u8.Slice(0, 19), out var l));
        Assert.Equal(1234567890123456789L, l);
        Assert.False(Utf8Numbers.TryInt("99999999999"u8, out _));
    }

    [Fact]
    public void Utf8Text_Strict_RefusesInvalidSequences()
    {
        Assert.Equal("café", Utf8Text.TryString("caf\u00e9"u8));
        Assert.Null(Utf8Text.TryString([0x63, 0xE9]));
        Span<char> chars = stackalloc char[8];
        Assert.False(Utf8Text.TryDecode([0xC3, 0x28], chars, out _));
        Assert.Equal("caf\u00e9", Utf8Text.Latin1([0x63, 0x61, 0x66, 0xE9]));
    }
}
