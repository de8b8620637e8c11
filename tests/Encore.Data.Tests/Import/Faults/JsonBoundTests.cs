using System.Text;
using Encore.Core.Errors;
using Encore.Data.Import;
using Encore.Data.Import.Mpd;
using Encore.Data.Model;
using Encore.Data.Text;

namespace Encore.Data.Tests.Import.Faults;

/// <summary>Issue 12 items 4 and 7: bounded JSON values and BOMs in MPD, and times outside years 1..9999 in every epoch reader.</summary>
public sealed class JsonBoundTests
{
    private const string Slice = """{"playlists": [{"pid": 1, "name": "p", "tracks": [{"track_uri": "spotify:track:AAAAAAAAAAAAAAAAAAAAAA", "track_name": "NAME"}]}]}""";

    private static MusicDataset Import(string path, ErrorMode mode) =>
        new MpdImporter().Import([path], new ImportOptions { Mode = mode }, new ImportReport(mode));

    [Fact]
    public void Mpd_ByteOrderMark_IsSkipped()
    {
        using var folder = new JsonFixtureFolder();
        var path = folder.Write("mpd.slice.0-999.json", "\uFEFF" + Slice.Replace("NAME", "song", StringComparison.Ordinal));

        var data = Import(path, ErrorMode.Strict);

        Assert.Equal(["1"], data.Playlists.Ids);
    }

    [Fact]
    public void Mpd_ValueOver16MiB_IsRefusedNamingTheFile()
    {
        using var folder = new JsonFixtureFolder();
        var path = folder.Write("mpd.slice.0-999.json", Slice.Replace("NAME", new string('x', 17 * 1024 * 1024), StringComparison.Ordinal));

        var ex = Assert.Throws<DataFormatException>(() => Import(path, ErrorMode.Lenient));

        Assert.Contains("mpd.slice.0-999.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("16 MiB", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mpd_ModifiedAtOutOfRange_IsAFault()
    {
        using var folder = new JsonFixtureFolder();
        var path = folder.Write("mpd.slice.0-999.json", Slice.Replace("\"name\": \"p\"", "\"name\": \"p\", \"modified_at\": 9223372036854775807", StringComparison.Ordinal).Replace("NAME", "s", StringComparison.Ordinal));

        Assert.Throws<DataFormatException>(() => Import(path, ErrorMode.Strict));
    }

    [Theory]
    [InlineData("1700000000000", false)]
    [InlineData("-99999999999999", false)]
    [InlineData("9223372036854775807", true)]
    [InlineData("253402300800000", true)]
    [InlineData("1e300", true)]
    public void TryEpoch_OutsideYears1To9999_IsRefused(string text, bool milliseconds)
    {
        Assert.False(Utf8Timestamps.TryEpoch(Encoding.ASCII.GetBytes(text), milliseconds, out _));
    }

    [Theory]
    [InlineData("1700000000", false, 1_700_000_000_000L)]
    [InlineData("253402300799999", true, 253_402_300_799_999L)]
    public void TryEpoch_InRange_IsRead(string text, bool milliseconds, long expected)
    {
        Assert.True(Utf8Timestamps.TryEpoch(Encoding.ASCII.GetBytes(text), milliseconds, out var ms));
        Assert.Equal(expected, ms);
    }
}
