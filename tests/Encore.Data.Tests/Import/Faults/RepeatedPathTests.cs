using Encore.Data.Import;
using Encore.Data.Import.LastFm1K;
using Encore.Data.Import.Mpd;
using Encore.Data.Import.Table;

namespace Encore.Data.Tests.Import.Faults;

/// <summary>
/// A file named twice (the folder and a file in it, or the same file spelt two ways) is read once: the table
/// importer counted every row twice, doubling play counts without a word, and MPD reported each playlist of
/// the file as a duplicate pid.
/// </summary>
public sealed class RepeatedPathTests
{
    [Fact]
    public void Table_SameFileTwice_ReadOnce()
    {
        using var t = new TempFolder();
        var f = t.File("plays.csv", "user,item,value\nu1,t1,3\nu2,t2,1\n");
        var again = Path.Combine(t.Path, ".", "plays.csv");
        var settings = new Dictionary<string, string> { ["user"] = "user", ["item"] = "item", ["value"] = "value" };

        var (d, _) = ImportRunner.Run(new TableImporter(), ErrorMode.Strict, settings, f, again, t.Path);

        Assert.Equal(2, d.Events.Count);
        Assert.Equal([3f, 1f], d.Events.Values);
    }

    [Fact]
    public void LastFm1K_FolderAndAFileInIt_ReadOnce()
    {
        using var t = new TempFolder();
        var f = t.File("userid-timestamp-artid-artname-traid-traname.tsv", "u1\t2009-05-04T23:08:57Z\t\tBand\t\tSong\n");

        var (d, report) = ImportRunner.Run(new LastFm1KImporter(), ErrorMode.Strict, t.Path, f);

        Assert.Equal(1, d.Events.Count);
        Assert.Empty(report.Removed);
    }

    [Fact]
    public void Mpd_FolderAndAFileInIt_ReadOnce()
    {
        using var folder = new JsonFixtureFolder();
        var path = folder.Write("mpd.slice.0-999.json", """
            {"playlists": [{"pid": 1, "name": "p", "num_tracks": 1, "tracks": [
              {"track_uri": "spotify:track:AAAAAAAAAAAAAAAAAAAAAA", "track_name": "ok", "artist_uri": "spotify:artist:Y", "album_uri": "spotify:album:Q"}]}]}
            """);

        var (d, report) = ImportRunner.Run(new MpdImporter(), ErrorMode.Strict, folder.Root, path);

        Assert.Equal(1, d.Playlists.Count);
        Assert.Equal(0, report.TotalFaults);
    }
}
