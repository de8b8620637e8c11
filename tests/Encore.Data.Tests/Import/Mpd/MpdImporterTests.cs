using Encore.Data.Import;
using Encore.Data.Import.Mpd;
using Encore.Data.Model;

namespace Encore.Data.Tests.Import.Mpd;

public sealed class MpdImporterTests
{
    private static MusicDataset Import(IReadOnlyList<string> paths, ImportReport report) =>
        new MpdImporter().Import(paths, new ImportOptions { Mode = report.Mode }, report);

    [Fact]
    public void Import_SlicesAndChallengeSet_FillsPlaylistsInFileOrder()
    {
        using var folder = new JsonFixtureFolder();
        var report = new ImportReport(ErrorMode.Strict);

        var data = Import([MpdFixture.WriteAll(folder)], report);

        Assert.Equal(["0", "1", "1000", "1000002", "1000003", "1000004"], data.Playlists.Ids);
        var p = data.PlaylistInfo;
        Assert.Equal(new string?[] { "Throwbacks", "Café", "Road trip", "chill", null, "empty" }, p.Names.AsEnumerable());
        Assert.Equal([1, 12, 5, 0, 0, 0], p.Followers);
        Assert.Equal([1493424000000, 1500000000000, 1480000000000, Missing.Time, Missing.Time, Missing.Time], p.ModifiedAt);
        Assert.Equal([3, 3, 1, 10, 30, 5], p.DeclaredTrackCounts);
        Assert.Equal([Missing.Id, Missing.Id, Missing.Id, Missing.Id, Missing.Id, Missing.Id], p.Owners);
        string[] Ids(int playlist) => p.Tracks[playlist].ToArray().Select(t => data.Tracks[t][..1]).ToArray();
        Assert.Equal(["A", "B"], Ids(0));
        Assert.Equal(["B", "C", "A"], Ids(1));
        Assert.Equal(["D"], Ids(2));
        Assert.Equal(["A"], Ids(3));
        Assert.Equal(["C", "E"], Ids(4));
        Assert.Empty(Ids(5));
    }

    [Fact]
    public void Import_SlicesAndChallengeSet_BuildsCatalogueWithStrippedUris()
    {
        using var folder = new JsonFixtureFolder();
        var report = new ImportReport(ErrorMode.Strict);

        var data = Import([MpdFixture.WriteAll(folder)], report);

        Assert.Equal(["AAAAAAAAAAAAAAAAAAAAAA", "BBBBBBBBBBBBBBBBBBBBBB", "CCCCCCCCCCCCCCCCCCCCCC", "DDDDDDDDDDDDDDDDDDDDDD", "EEEEEEEEEEEEEEEEEEEEEE"], data.Tracks.Ids);
        Assert.Equal(new string?[] { "Song A", "Song B", "Song Ç", "Song D", "Song E" }, data.TrackInfo.Titles.AsEnumerable());
        Assert.Equal([166264, 200000, 200000, 200000, 200000], data.TrackInfo.DurationsMs);
        Assert.Equal(["X", "Y", "Z"], data.Artists.Ids);
        Assert.Equal(new string?[] { "Artist X", "Artist Y", "Artist Z" }, data.ArtistInfo.Names.AsEnumerable());
        Assert.Equal(["P", "Q", "R", "S"], data.Albums.Ids);
        Assert.Equal([0, 1, 2, 1], data.AlbumInfo.Artists);
        Assert.Equal([0, 1, 0, 2, 1], data.TrackInfo.Artists);
        Assert.Equal([0, 1, 0, 2, 3], data.TrackInfo.Albums);
        // Playlists as users: one playlist-add event per entry (repeats kept) by "playlist:<pid>", in playlist order.
        Assert.Equal(9, data.Events.Count);
        Assert.Equal(data.PlaylistInfo.Tracks.Values, data.Events.Items);
        Assert.All(data.Events.Kinds, k => Assert.Equal(EventKind.PlaylistAdd, k));
        Assert.Equal(data.Playlists.Ids.Select(pid => "playlist:" + pid), data.Users.Ids);
        Assert.Equal(data.Users.IndexOf("playlist:" + data.Playlists[0]), data.Events.Users[0]);
    }

    [Fact]
    public void Import_SlicesAndChallengeSet_ReportsCountsAndNumTracksMismatch()
    {
        using var folder = new JsonFixtureFolder();
        var report = new ImportReport(ErrorMode.Strict);

        Import([MpdFixture.WriteAll(folder)], report);

        Assert.Equal(3, report.Counts[MpdRules.Files]);
        Assert.Equal(3, report.Counts[MpdRules.SlicePlaylists]);
        Assert.Equal(3, report.Counts[MpdRules.ChallengePlaylists]);
        Assert.Equal(9, report.Counts[MpdRules.PlaylistTracks]);
        Assert.Equal(1, report.Counts[MpdRules.Collaborative]);
        Assert.Equal(1, report.Counts[MpdRules.NumTracksMismatch]);
        Assert.False(report.Counts.ContainsKey(MpdRules.NumSamplesMismatch));
        Assert.False(report.Counts.ContainsKey(MpdRules.HoldoutsMismatch));
        var warning = Assert.Single(report.Warnings);
        Assert.Contains("mpd.slice.0-999.json:8: playlist 0: num_tracks is 3 but 2 tracks were read", warning, StringComparison.Ordinal);
        Assert.Empty(report.Faults);
    }

    [Fact]
    public void Import_ExplicitGzipFile_ReadsLikePlain()
    {
        using var folder = new JsonFixtureFolder();
        var path = folder.WriteGzip("mpd.slice.0-999.json.gz", MpdFixture.Slice0);
        var report = new ImportReport(ErrorMode.Strict);

        var data = Import([path], report);

        Assert.Equal(["0", "1"], data.Playlists.Ids);
        Assert.Equal(3, data.Tracks.Count);
    }

    [Fact]
    public void Import_LargeSliceThroughSmallBuffers_KeepsEveryPlaylist()
    {
        using var folder = new JsonFixtureFolder();
        var playlists = Enumerable.Range(0, 1500).Select(pid =>
            $$"""{"pid": {{pid}}, "name": "{{new string('n', pid % 300)}}", "num_tracks": 20, "tracks": [{{string.Join(",",
                Enumerable.Range(0, 20).Select(i => MpdFixture.Track(i, $"T{(pid * 7 + i) % 5000:D21}", "x", "A" + i % 9, "B" + i % 13)))}}]}""");
        var path = folder.Write("mpd.slice.0-1499.json", $$"""{"info": {}, "playlists": [{{string.Join(",\n", playlists)}}]}""");
        var report = new ImportReport(ErrorMode.Strict);

        var data = Import([path], report);

        Assert.Equal(1500, data.Playlists.Count);
        Assert.Equal(30_000, data.PlaylistInfo.Tracks.Values.Length);
        Assert.Equal(5000, data.Tracks.Count);
        Assert.Equal(new string('n', 299), data.PlaylistInfo.Names[299]);
        Assert.Equal(["A0", "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8"], data.Artists.Ids);
    }
}
