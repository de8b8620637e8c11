using Encore.Core.Errors;
using Encore.Data.Import;
using Encore.Data.Import.Piki;
using Encore.Data.Model;
using Encore.Tests.Shared;

namespace Encore.Data.Tests.Import;

public sealed class PikiImporterTests
{
    private static readonly PikiImporter Sut = new();

    [Fact]
    public void Import_CsvAnyColumnOrder_MapsLikedToKindsAndValues()
    {
        using var t = new TempFolder();
        var f = t.File("piki.csv", "timestamp,User_Id,song_id,liked,personalized,Spotify_popularity\n2019-08-23 14:40:33,7,100,1,0,56\n2019-08-23 14:40:34,7,101,0,0,\n2019-08-24 00:00:00,8,100,2,1,56\n2019-08-24 00:00:00,8,100,2,1,56\n");
        var (d, report) = ImportRunner.Run(Sut, ErrorMode.Strict, f);
        Assert.Equal(["7", "8"], d.Users.Ids);
        Assert.Equal(["100", "101"], d.Tracks.Ids);
        Assert.Equal([EventKind.Like, EventKind.Dislike, EventKind.Like], d.Events.Kinds);
        Assert.Equal([1f, -1f, 2f], d.Events.Values);
        Assert.Equal(new DateTimeOffset(2019, 8, 23, 14, 40, 33, TimeSpan.Zero).ToUnixTimeMilliseconds(), d.Events.Timestamps[0]);
        Assert.Equal(56f, d.TrackInfo.Popularity[0]);
        Assert.True(float.IsNaN(d.TrackInfo.Popularity[1]));
        Assert.Equal(1, report.Removed["exact duplicate row"]);
    }

    /// <summary>Session 12's newcomer: <c>import piki &lt;folder&gt;</c> merged the toy, first-500 and .histories files without saying so.</summary>
    [Fact]
    public void Import_FolderOfSeveralFiles_WarnsThatItMergesThem()
    {
        using var t = new TempFolder();
        t.File("toy.csv", "timestamp,user_id,song_id,liked,personalized,spotify_popularity\n2019-08-23 14:40:33,7,100,1,0,56\n");
        t.File("first500.csv", "timestamp,user_id,song_id,liked,personalized,spotify_popularity\n2019-08-23 14:40:33,7,100,1,0,56\n");
        t.File("eval.histories", "u7\ts100\t1\n");
        t.File("notes.txt", "not data");

        var (_, folder) = ImportRunner.Run(Sut, ErrorMode.Strict, t.Path);
        var (_, single) = ImportRunner.Run(Sut, ErrorMode.Strict, System.IO.Path.Combine(t.Path, "toy.csv"));

        var warning = Assert.Single(folder.Warnings, w => w.StartsWith("merged 3 files into one dataset: ", StringComparison.Ordinal));
        Assert.Contains("eval.histories", warning, StringComparison.Ordinal);
        Assert.Contains("first500.csv", warning, StringComparison.Ordinal);
        Assert.Contains("toy.csv", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("notes.txt", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(single.Warnings, w => w.StartsWith("merged", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_Histories_KeepsOrderAndMapsValues()
    {
        using var t = new TempFolder();
        var f = t.File("x.histories", "u1\ts10\t1\ts11\t-1\ts10\t2\t\nu2\ts11\t1\n");
        var (d, _) = ImportRunner.Run(Sut, ErrorMode.Strict, f);
        Assert.Equal(["1", "2"], d.Users.Ids);
        Assert.Equal(["10", "11"], d.Tracks.Ids);
        Assert.Equal([0, 0, 0, 1], d.Events.Users);
        Assert.Equal([0, 1, 0, 1], d.Events.Items);
        Assert.Equal([EventKind.Like, EventKind.Dislike, EventKind.Like, EventKind.Like], d.Events.Kinds);
        Assert.Equal([1f, -1f, 2f, 1f], d.Events.Values);
        Assert.All(d.Events.Timestamps, ts => Assert.Equal(Missing.Time, ts));
    }

    [Fact]
    public void Import_BadLikedStrictVsLenient_ThrowsOrCounts()
    {
        using var t = new TempFolder();
        var f = t.File("piki.csv", "user_id,song_id,liked,timestamp\n1,2,1,2019-06-21 01:04:23\n1,3,5,2019-06-21 01:04:23\n1,4,1,21/06/2019\n1,5\n");
        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, f));
        Assert.Equal(3, ex.Line);
        Assert.Contains("liked", ex.Field);
        var (d, report) = ImportRunner.Run(Sut, ErrorMode.Lenient, f);
        Assert.Equal(1, d.Events.Count);
        Assert.Equal(1, report.Faults["bad number"]);
        Assert.Equal(1, report.Faults["bad timestamp"]);
        Assert.Equal(1, report.Faults["wrong field count"]);
    }

    [Fact]
    public void Import_SemicolonFile_SaysCommaWasExpected()
    {
        using var t = new TempFolder();
        var f = t.File("piki.csv", "user_id;song_id;liked\n1;2;1\n");
        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, f));
        Assert.Contains("user_id;song_id;liked", ex.Message);
        Assert.Contains("comma-separated", ex.Message);
    }

    [Fact]
    public void Import_InvalidUtf8Id_FaultNamesLineAndField()
    {
        using var t = new TempFolder();
        var f = t.Bytes("piki.csv", [.. "user_id,song_id,liked\n1,"u8, 0xFF, .. ",1\n"u8]);
        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, f));
        Assert.Equal(2, ex.Line);
        Assert.Contains("song_id", ex.Field);
    }

    [Fact]
    public void Import_TruncatedGzipEmptyAndMissing_Handled()
    {
        using var t = new TempFolder();
        var body = "user_id,song_id,liked\n" + string.Concat(Enumerable.Range(0, 20000).Select(i => $"{i % 50},{i},1\n"));
        var gz = t.Gzip("p.csv.gz", body, truncate: true);
        Assert.Contains("truncated", Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Lenient, gz)).Message);
        Assert.Equal(0, ImportRunner.Run(Sut, ErrorMode.Strict, t.File("e.csv", "")).Data.Events.Count);
        Assert.Contains("not found", Assert.Throws<FileNotFoundException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, "/nope/p.csv")).Message);
    }

    [SharedDataFact]
    public void Import_SharedFirst500_MatchesProvenance()
    {
        var (d, report) = ImportRunner.Run(Sut, ErrorMode.Strict, SharedData.Path("piki-music", "piki_dataset_first500.csv"));
        Assert.Equal(500, d.Events.Count);
        Assert.Equal(47, d.Users.Count);
        Assert.Equal(337, d.Tracks.Count);
        Assert.Equal(282, report.Counts["liked 0"]);
        Assert.Equal(218, report.Counts["liked 1"]);
    }

    [SharedDataFact]
    public void Import_SharedToyPiki_MatchesProvenance()
    {
        var (d, _) = ImportRunner.Run(Sut, ErrorMode.Strict, SharedData.Path("piki-music", "toypiki_dataset.csv"));
        Assert.Equal(26, d.Events.Count);
        Assert.Equal(8, d.Users.Count);
        Assert.Equal(16, d.Tracks.Count);
    }

    [SharedDataFact]
    public void Import_SharedEvalHistories_MatchesProvenance()
    {
        var (d, report) = ImportRunner.Run(Sut, ErrorMode.Strict, SharedData.Path("piki-music", "piki_eval.histories"));
        Assert.Equal(50, d.Users.Count);
        Assert.Equal(894, d.Events.Count);
        Assert.Equal(706, d.Tracks.Count);
        Assert.Equal(445, report.Counts["value 1"]);
        Assert.Equal(409, report.Counts["value -1"]);
        Assert.Equal(40, report.Counts["value 2"]);
    }
}
