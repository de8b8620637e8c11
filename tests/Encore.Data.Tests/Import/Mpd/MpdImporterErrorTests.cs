using System.Text;
using Encore.Core.Errors;
using Encore.Data.Import;
using Encore.Data.Import.Mpd;
using Encore.Data.Model;

namespace Encore.Data.Tests.Import.Mpd;

public sealed class MpdImporterErrorTests
{
    private static MusicDataset Import(string path, ImportReport report) =>
        new MpdImporter().Import([path], new ImportOptions { Mode = report.Mode }, report);

    // Line numbers: 3 pid-less playlist, 4 bad track uri (in playlist 11, line 4), 5 duplicate pid, 6 string pid.
    private const string Faulty = """
{"playlists": [
  {"pid": 10, "name": "ok", "tracks": [{"track_uri": "spotify:track:AAAAAAAAAAAAAAAAAAAAAA"}]},
  {"name": "no pid", "tracks": []},
  {"pid": 11, "name": "bad uri", "num_tracks": 2, "tracks": [{"track_uri": "spotify:album:AAAAAAAAAAAAAAAAAAAAAA"}, {"track_uri": "spotify:track:BBBBBBBBBBBBBBBBBBBBBB"}]},
  {"pid": 10, "name": "again", "tracks": []},
  {"pid": "12", "name": "string pid", "tracks": []},
  {"pid": 13, "name": "odd collaborative", "collaborative": "maybe", "tracks": []}
]}
""";

    [Fact]
    public void Import_FaultsLenient_CountsAndKeepsGoodPlaylists()
    {
        using var folder = new JsonFixtureFolder();
        var report = new ImportReport(ErrorMode.Lenient);

        var data = Import(folder.Write("mpd.slice.0-999.json", Faulty), report);

        Assert.Equal(["10", "11", "13"], data.Playlists.Ids);
        Assert.Equal(2, report.Faults[MpdRules.BadPid]);
        Assert.Equal(1, report.Faults[MpdRules.BadTrackUri]);
        Assert.Equal(1, report.Faults[MpdRules.DuplicatePid]);
        Assert.Equal(1, report.Faults[MpdRules.BadValue]);
        Assert.Equal(1, data.PlaylistInfo.Tracks[1].Length);
        Assert.Equal(1, report.Counts[MpdRules.NumTracksMismatch]);
        Assert.Contains(report.Examples, e => e.Contains(":4: field 'track_uri'", StringComparison.Ordinal));
        Assert.Contains(report.Examples, e => e.Contains(":6: field 'pid': expected a non-negative integer, got string \"12\"", StringComparison.Ordinal));
    }

    /// <summary>
    /// A track field of the wrong type said only "expected a valid UTF-8 string (URIs and names) or an integer
    /// (duration_ms)", for whichever field it was; it now says what that field expects and what it found.
    /// </summary>
    [Theory]
    [InlineData("\"duration_ms\": \"long\"", "field 'duration_ms': expected an integer number of milliseconds, got string \"long\".")]
    [InlineData("\"track_name\": 17", "field 'track_name': expected a valid UTF-8 string, got number 17.")]
    public void Import_TrackFieldOfTheWrongType_SaysWhatItExpectsAndFound(string field, string expected)
    {
        using var folder = new JsonFixtureFolder();
        var path = folder.Write("mpd.slice.0-999.json",
            "{\"playlists\": [\n  {\"pid\": 1, \"name\": \"x\", \"tracks\": [{\"track_uri\": \"spotify:track:AAAAAAAAAAAAAAAAAAAAAA\", " + field + "}]}\n]}\n");

        var ex = Assert.Throws<DataFormatException>(() => Import(path, new ImportReport(ErrorMode.Strict)));

        Assert.Equal(2, ex.Line);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_FaultsStrict_ThrowsAtFirstWithLine()
    {
        using var folder = new JsonFixtureFolder();
        var path = folder.Write("mpd.slice.0-999.json", Faulty);

        var ex = Assert.Throws<DataFormatException>(() => Import(path, new ImportReport(ErrorMode.Strict)));

        Assert.Equal(path, ex.File);
        Assert.Equal(3, ex.Line);
        Assert.Equal("pid", ex.Field);
    }

    [Fact]
    public void Import_JsonSyntaxError_ThrowsWithLineInBothModes()
    {
        using var folder = new JsonFixtureFolder();
        var path = folder.Write("mpd.slice.0-999.json", "{\n  \"playlists\": [\n    {\"pid\": 1 \"name\": \"x\"}\n  ]\n}\n");

        foreach (var mode in new[] { ErrorMode.Lenient, ErrorMode.Strict })
        {
            var ex = Assert.Throws<DataFormatException>(() => Import(path, new ImportReport(mode)));
            Assert.Equal(3, ex.Line);
            Assert.Contains("invalid JSON", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Import_SyntaxErrorAfterManyBufferRefills_NamesTheRightLine()
    {
        using var folder = new JsonFixtureFolder();
        var lines = Enumerable.Range(0, 5000).Select(i => $"    {{\"pid\": {i}, \"name\": \"playlist number {i}\", \"tracks\": []}},").ToList();
        lines.Add("    {\"pid\": 5000, \"name\": \"broken\" \"tracks\": []}");
        var path = folder.Write("mpd.slice.0-4999.json", "{\"playlists\": [\n" + string.Join("\n", lines) + "\n]}\n");

        var ex = Assert.Throws<DataFormatException>(() => Import(path, new ImportReport()));

        Assert.Equal(5002, ex.Line);
    }

    [Fact]
    public void Import_InvalidUtf8InTrackName_IsAFaultWithLine()
    {
        using var folder = new JsonFixtureFolder();
        var bytes = Encoding.UTF8.GetBytes("{\"playlists\": [\n{\"pid\": 1, \"tracks\": [\n{\"track_uri\": \"spotify:track:AAAAAAAAAAAAAAAAAAAAAA\", \"track_name\": \"bQd\"}]}]}");
        bytes[Array.IndexOf(bytes, (byte)'Q')] = 0xFF;
        var path = folder.WriteBytes("mpd.slice.0-999.json", bytes);
        var report = new ImportReport(ErrorMode.Lenient);

        var data = Import(path, report);

        Assert.Equal(1, report.Faults[MpdRules.BadValue]);
        Assert.Contains(":3: field 'track_name'", report.Examples[0], StringComparison.Ordinal);
        Assert.Equal(0, data.PlaylistInfo.Tracks[0].Length);
        Assert.Throws<DataFormatException>(() => Import(path, new ImportReport(ErrorMode.Strict)));
    }

    [Fact]
    public void Import_TruncatedGzip_ThrowsDataFormatException()
    {
        using var folder = new JsonFixtureFolder();
        var gz = JsonFixtureFolder.Gzip(MpdFixture.Slice0);
        var path = folder.WriteBytes("mpd.slice.0-999.json.gz", gz[..(gz.Length - 20)]);

        var ex = Assert.Throws<DataFormatException>(() => Import(path, new ImportReport()));

        Assert.Equal(path, ex.File);
    }

    [Fact]
    public void Import_EmptyFile_ThrowsDataFormatException()
    {
        using var folder = new JsonFixtureFolder();
        var path = folder.Write("challenge_set.json", "");

        var ex = Assert.Throws<DataFormatException>(() => Import(path, new ImportReport()));

        Assert.Equal(path, ex.File);
    }

    [Fact]
    public void Import_NoPlaylistsKey_SaysWhatIsMissing()
    {
        using var folder = new JsonFixtureFolder();
        var path = folder.Write("challenge_set.json", "{\"version\": \"v1\"}");

        var ex = Assert.Throws<DataFormatException>(() => Import(path, new ImportReport()));

        Assert.Equal("playlists", ex.Field);
    }

    [Fact]
    public void Import_MissingFile_ThrowsFileNotFound()
    {
        using var folder = new JsonFixtureFolder();
        var path = Path.Combine(folder.Root, "mpd.slice.0-999.json");

        var ex = Assert.Throws<FileNotFoundException>(() => Import(path, new ImportReport()));

        Assert.Contains("file not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_FolderWithoutMpdFiles_Throws()
    {
        using var folder = new JsonFixtureFolder();
        folder.Write("notes.json", "{}");

        var ex = Assert.Throws<DataFormatException>(() => Import(folder.Root, new ImportReport()));

        Assert.Contains("holds no mpd.slice", ex.Message, StringComparison.Ordinal);
    }
}
