using Encore.Core.Errors;
using Encore.Data.Import;
using Encore.Data.Import.Ium;
using Encore.Data.Model;

namespace Encore.Data.Tests.Import.Ium;

public sealed class IumImporterTests
{
    private static MusicDataset Import(string root, ImportReport report) =>
        new IumImporter().Import([root], new ImportOptions { Mode = report.Mode }, report);

    private static long Ms(int y, int mo, int d, int h, int mi, int s, int ms = 0) =>
        new DateTimeOffset(y, mo, d, h, mi, s, ms, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public void Import_CleanFixture_KeepsTrackEventsAndCountsRemovals()
    {
        using var folder = new JsonFixtureFolder();
        var report = new ImportReport(ErrorMode.Strict);

        var data = Import(IumFixture.WriteAll(folder), report);

        Assert.Equal(5, data.Events.Count);
        Assert.Equal([EventKind.Play, EventKind.Like, EventKind.Skip, EventKind.Dislike, EventKind.Other], data.Events.Kinds);
        Assert.Equal(["t1", "t1", "t2", "t3", "t4"], data.Events.Items.Select(i => data.Tracks[i]));
        Assert.Equal(["1", "1", "2", "2", "3"], data.Events.Users.Select(u => data.Users[u]));
        Assert.Equal([10L, 10, 11, 11, 12], data.Events.Sessions);
        Assert.Equal(Ms(2023, 1, 3, 5, 14, 2, 707), data.Events.Timestamps[0]);
        Assert.Equal(Ms(2023, 1, 3, 5, 18, 0), data.Events.Timestamps[1]);
        Assert.Equal(1672724340000, data.Events.Timestamps[2]);
        Assert.Equal(Ms(2023, 1, 3, 6, 0, 0, 500), data.Events.Timestamps[3]);
        Assert.Equal(Ms(2023, 1, 4, 0, 0, 0), data.Events.Timestamps[4]);
        Assert.All(data.Events.Values, v => Assert.True(float.IsNaN(v)));
        Assert.Equal(2, report.Removed[IumRules.NonTrackEvent + "advertisement"]);
        Assert.Equal(1, report.Removed[IumRules.NonTrackEvent + "buy_premium"]);
        Assert.Equal(1, report.Removed[IumRules.DuplicateEvent]);
        Assert.Equal(1, report.Counts[IumRules.EventTypeCount + "other 'rewind'"]);
        Assert.Equal(9, report.Counts[IumRules.SessionRows]);
        Assert.Empty(report.Faults);
    }

    [Fact]
    public void Import_CleanFixture_FillsCatalogueAndUsers()
    {
        using var folder = new JsonFixtureFolder();
        var report = new ImportReport(ErrorMode.Strict);

        var data = Import(IumFixture.WriteAll(folder), report);

        Assert.Equal(["t1", "t2", "t3", "t4"], data.Tracks.Ids);
        Assert.Equal(1, report.Removed[IumRules.DuplicateTrack]);
        Assert.Equal(new string?[] { "Leef", "Two", "Three", "Four" }, data.TrackInfo.Titles.AsEnumerable());
        Assert.Equal([20150626, 19990000, 19870300, 20010101], data.TrackInfo.ReleaseDates);
        Assert.Equal([(sbyte)0, 1, 0, Missing.Flag], data.TrackInfo.Explicit);
        Assert.Equal([217903, 250000, -1, -1], data.TrackInfo.DurationsMs);
        Assert.Equal(1.52e-06f, data.TrackInfo.AudioOf(0)[6]);
        Assert.Equal(9f, data.TrackInfo.AudioOf(0)[2]);
        Assert.True(float.IsNaN(data.TrackInfo.AudioOf(1)[0]));
        Assert.Equal(["a1", "a2", "a9", "a3"], data.Artists.Ids);
        Assert.Equal(new string?[] { "Artist One", "Artist Two", null, "Artist Three" }, data.ArtistInfo.Names.AsEnumerable());
        Assert.Equal(1, report.Removed[IumRules.DuplicateArtist]);
        Assert.Equal(1, report.Counts[IumRules.UndescribedArtists]);
        Assert.Equal([0, 1, 2, 0], data.TrackInfo.Artists);
        Assert.Equal(["1", "2", "3"], data.Users.Ids);
        Assert.Equal([(sbyte)1, 0, Missing.Flag], data.UserInfo.Premium);
        Assert.Equal(["rock", "pop"], data.UserInfo.FavouriteGenres[0].ToArray().Select(g => data.Genres[g]));
        Assert.Equal(0, data.UserInfo.FavouriteGenres[1].Length);
        Assert.Equal(new string?[] { "Kraków", "Gdańsk", null }, data.UserInfo.Attributes["city"].AsEnumerable());
        Assert.Equal(["city"], data.UserInfo.Attributes.Keys);
    }

    [Fact]
    public void Import_FaultyLenient_CountsOneFaultPerRowFirstRuleFirst()
    {
        using var folder = new JsonFixtureFolder();
        var report = new ImportReport(ErrorMode.Lenient);

        var data = Import(IumFixture.WriteAll(folder, IumFixture.FaultySessions), report);

        Assert.Equal(2, data.Events.Count);
        Assert.Equal(2, report.Faults[IumRules.NullUser]);
        Assert.Equal(1, report.Faults[IumRules.NullEventType]);
        Assert.Equal(1, report.Faults[IumRules.NullTrack]);
        Assert.Equal(1, report.Faults[IumRules.UnknownUser]);
        Assert.Equal(1, report.Faults[IumRules.UnknownTrack]);
        Assert.Equal(1, report.Faults[IumRules.Malformed("sessions")]);
        Assert.Equal(1, report.Faults[IumRules.BadSessionValue]);
        Assert.Equal(1, report.Removed[IumRules.NonTrackEvent + "advertisement"]);
        Assert.Equal(8, report.TotalFaults);
        Assert.Equal(2, report.Counts[IumRules.RowsWithNull + "user_id"]);
        Assert.Equal(2, report.Counts[IumRules.RowsWithNull + "event_type"]);
        Assert.Equal(4, report.Counts[IumRules.RowsWithNull + "track_id"]);
        Assert.Contains(report.Examples, e => e.Contains("sessions.jsonl:8", StringComparison.Ordinal));
        Assert.Contains(report.Examples, e => e.Contains("sessions.jsonl:9: field 'timestamp'", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_FaultyStrict_ThrowsAtFirstFaultWithLineAndField()
    {
        using var folder = new JsonFixtureFolder();
        var root = IumFixture.WriteAll(folder, IumFixture.FaultySessions);

        var ex = Assert.Throws<DataFormatException>(() => Import(root, new ImportReport(ErrorMode.Strict)));

        Assert.EndsWith("sessions.jsonl", ex.File, StringComparison.Ordinal);
        Assert.Equal(2, ex.Line);
        Assert.Equal("user_id", ex.Field);
    }

    [Fact]
    public void Import_GzipFiles_ReadLikePlainFiles()
    {
        using var folder = new JsonFixtureFolder();
        folder.WriteGzip("users.jsonl.gz", string.Join("\n", IumFixture.Users));
        folder.WriteGzip("tracks.jsonl.gz", string.Join("\n", IumFixture.Tracks));
        folder.WriteGzip("artists.jsonl.gz", string.Join("\n", IumFixture.Artists));
        folder.WriteGzip("sessions.jsonl.gz", string.Join("\n", IumFixture.Sessions));
        var report = new ImportReport(ErrorMode.Strict);

        var data = Import(folder.Root, report);

        Assert.Equal(5, data.Events.Count);
        Assert.Equal(4, data.Tracks.Count);
        Assert.Equal(3, data.Users.Count);
    }

    [Fact]
    public void Import_PerUserSessionFilesAndExplicitPaths_AreAllRead()
    {
        using var folder = new JsonFixtureFolder();
        IumFixture.WriteAll(folder, IumFixture.Sessions[..4]);
        var second = folder.WriteLines("sessions_user_2.jsonl", IumFixture.Sessions[4..]);
        var paths = new[] { "users.jsonl", "tracks.jsonl", "sessions.jsonl" }.Select(f => Path.Combine(folder.Root, f)).Append(second).ToList();
        var report = new ImportReport(ErrorMode.Strict);

        var data = new IumImporter().Import(paths, new ImportOptions(), report);

        Assert.Equal(5, data.Events.Count);
        Assert.Equal(["a1", "a2", "a9"], data.Artists.Ids);
        Assert.Single(report.Warnings, w => w.Contains("no artists.jsonl", StringComparison.Ordinal));
    }
}
