using Encore.Core.Errors;
using Encore.Data.Import;
using Encore.Data.Import.Ium;
using Encore.Data.Import.Mpd;
using Encore.Data.Import.Table;
using Encore.Data.Tests.Import.Ium;
using Parquet;
using Parquet.Schema;

namespace Encore.Data.Tests.Import.Faults;

/// <summary>
/// Issue 12 item 8 in the importers that do not read delimited text: an id holding a C0 control character
/// (written as a JSON escape, so the line itself is valid) is a row fault naming file, line and field, as in
/// the delimited importers; a lenient import skips the row and keeps the rest.
/// </summary>
public sealed class ControlCharacterIdTests
{
    private static (Encore.Data.Model.MusicDataset Data, ImportReport Report) Ium(JsonFixtureFolder folder, ErrorMode mode) =>
        ImportRunner.Run(new IumImporter(), mode, folder.Root);

    [Theory]
    [InlineData("\\u0000")]
    [InlineData("\\u001b")]
    [InlineData("\\n")]
    [InlineData("\\u007f")]
    public void Ium_TrackIdWithControl_IsARowFault(string control)
    {
        using var folder = new JsonFixtureFolder();
        IumFixture.WriteAll(folder);
        string[] tracks = [.. IumFixture.Tracks, $$"""{"id": "t{{control}}9", "name": "Bad", "id_artist": "a1"}"""];
        folder.WriteLines("tracks.jsonl", tracks);

        var ex = Assert.Throws<DataFormatException>(() => Ium(folder, ErrorMode.Strict));
        var (data, report) = Ium(folder, ErrorMode.Lenient);

        Assert.Contains("tracks.jsonl", ex.Message, StringComparison.Ordinal);
        Assert.Equal(6, ex.Line);
        Assert.Equal("id", ex.Field);
        Assert.Contains("control character", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, report.Faults[IumRules.BadTrackId]);
        Assert.Equal(["t1", "t2", "t3", "t4"], data.Tracks.Ids);
    }

    [Fact]
    public void Ium_ArtistIdWithNul_IsARowFault()
    {
        using var folder = new JsonFixtureFolder();
        IumFixture.WriteAll(folder);
        string[] artists = [.. IumFixture.Artists, """{"id": "a\u00009", "name": "Bad", "genres": []}"""];
        folder.WriteLines("artists.jsonl", artists);

        var ex = Assert.Throws<DataFormatException>(() => Ium(folder, ErrorMode.Strict));
        var (data, report) = Ium(folder, ErrorMode.Lenient);

        Assert.Equal(5, ex.Line);
        Assert.Equal("id", ex.Field);
        Assert.Equal(1, report.Faults[IumRules.BadArtistId]);
        Assert.DoesNotContain(data.Artists.Ids, id => id.Contains('\0', StringComparison.Ordinal));
    }

    [Fact]
    public void Ium_TrackArtistLinkWithNul_IsAValueFaultAndTheLinkIsDropped()
    {
        using var folder = new JsonFixtureFolder();
        IumFixture.WriteAll(folder);
        string[] tracks = [.. IumFixture.Tracks, """{"id": "t9", "name": "Nine", "id_artist": "a\u00001"}"""];
        folder.WriteLines("tracks.jsonl", tracks);

        var ex = Assert.Throws<DataFormatException>(() => Ium(folder, ErrorMode.Strict));
        var (data, report) = Ium(folder, ErrorMode.Lenient);

        Assert.Equal("id_artist", ex.Field);
        Assert.Equal(1, report.Faults[IumRules.BadValue("tracks")]);
        Assert.Contains("t9", data.Tracks.Ids);
        Assert.DoesNotContain(data.Artists.Ids, id => id.Contains('\0', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("track_uri", "spotify:track:AAAA\\u0000AAAA", MpdRules.BadTrackUri)]
    [InlineData("artist_uri", "spotify:artist:X\\u0007", MpdRules.BadValue)]
    [InlineData("album_uri", "spotify:album:P\\r", MpdRules.BadValue)]
    public void Mpd_UriWithControl_IsARowFault(string field, string uri, string rule)
    {
        using var folder = new JsonFixtureFolder();
        var track = field == "track_uri" ? uri : "spotify:track:BBBBBBBBBBBBBBBBBBBBBB";
        var artist = field == "artist_uri" ? uri : "spotify:artist:X";
        var album = field == "album_uri" ? uri : "spotify:album:P";
        var path = folder.Write("mpd.slice.0-999.json", $$"""
            {"playlists": [{"pid": 1, "name": "p", "tracks": [
              {"track_uri": "spotify:track:AAAAAAAAAAAAAAAAAAAAAA", "track_name": "ok", "artist_uri": "spotify:artist:Y", "album_uri": "spotify:album:Q"},
              {"track_uri": "{{track}}", "track_name": "bad", "artist_uri": "{{artist}}", "album_uri": "{{album}}"}]}]}
            """);

        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(new MpdImporter(), ErrorMode.Strict, path));
        var (data, report) = ImportRunner.Run(new MpdImporter(), ErrorMode.Lenient, path);

        Assert.Equal(field, ex.Field);
        Assert.Contains("control character", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, report.Faults[rule]);
        Assert.All(data.Tracks.Ids, id => Assert.DoesNotContain(id, c => char.IsControl(c)));
        Assert.All(data.Artists.Ids, id => Assert.DoesNotContain(id, c => char.IsControl(c)));
        Assert.All(data.Albums.Ids, id => Assert.DoesNotContain(id, c => char.IsControl(c)));
    }

    [Fact]
    public async Task Parquet_UserIdWithNul_IsARowFault()
    {
        using var t = new TempFolder();
        var path = System.IO.Path.Combine(t.Path, "log.parquet");
        var user = new DataField<string>("user");
        var item = new DataField<string>("item");
        await using (var stream = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(user, item), stream);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(user, new[] { "u1", "u\u00002", "u3" });
            await group.WriteAsync(item, new[] { "t1", "t1", "t\u001f2" });
        }
        var settings = new Dictionary<string, string> { ["user"] = "user", ["item"] = "item" };

        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(new TableImporter(), ErrorMode.Strict, settings, path));
        var (data, report) = ImportRunner.Run(new TableImporter(), ErrorMode.Lenient, settings, path);

        Assert.Equal(2, ex.Line);
        Assert.Equal("user", ex.Field);
        Assert.Equal(2, report.TotalFaults);
        Assert.Equal(["u1"], data.Users.Ids);
    }
}
