using Encore.Core.Errors;
using Encore.Data.Import;
using Encore.Data.Import.LastFm1K;
using Encore.Data.Model;

namespace Encore.Data.Tests.Import;

public sealed class LastFm1KImporterTests
{
    private static readonly LastFm1KImporter Sut = new();
    private const string Log = "userid-timestamp-artid-artname-traid-traname.tsv";

    [Fact]
    public void Import_Folder_KeysTracksByMbidOrNames()
    {
        using var t = new TempFolder();
        t.File("userid-profile.tsv", "#id\tgender\tage\tcountry\tregistered\nuser_000001\tm\t\tJapan\tAug 13, 2006\nuser_000002\tf\t24\tPoland\t\n");
        t.File(Log,
            "user_000001\t2009-05-04T23:08:57Z\tf1b1cf71-bd35-4e99-8624-24a6e15f133a\tDeep Dish\t\tFuck Me Im Famous (Pacha Ibiza)-09-28-2007\n" +
            "user_000001\t2009-05-04T13:54:10Z\ta7f7df4a-77d8-4f12-8acd-5c60c93f4de8\t坂本龍一\tf7c1f8f8-b935-45ed-8fc8-7def69d92a10\tThe Last Emperor (Theme)\n" +
            "user_000002\t2009-05-04T13:54:10Z\ta7f7df4a-77d8-4f12-8acd-5c60c93f4de8\t坂本龍一\tf7c1f8f8-b935-45ed-8fc8-7def69d92a10\tThe Last Emperor (Theme)\n" +
            "user_000002\t2009-05-05T00:00:00Z\t\tUnknown Band\t\tSong\n" +
            "user_000002\t2009-05-05T00:00:00Z\t\tUnknown Band\t\tSong\n");
        var (d, report) = ImportRunner.Run(Sut, ErrorMode.Strict, t.Path);

        Assert.Equal(["user_000001", "user_000002"], d.Users.Ids);
        Assert.Equal(["Deep Dish␟Fuck Me Im Famous (Pacha Ibiza)-09-28-2007", "f7c1f8f8-b935-45ed-8fc8-7def69d92a10", "Unknown Band␟Song"], d.Tracks.Ids);
        Assert.Equal(["f1b1cf71-bd35-4e99-8624-24a6e15f133a", "a7f7df4a-77d8-4f12-8acd-5c60c93f4de8", "Unknown Band"], d.Artists.Ids);
        Assert.Equal(new string?[] { "Deep Dish", "坂本龍一", "Unknown Band" }, d.ArtistInfo.Names);
        Assert.Equal("The Last Emperor (Theme)", d.TrackInfo.Titles[1]);
        Assert.Equal([0, 1, 2], d.TrackInfo.Artists);
        Assert.Equal(4, d.Events.Count);
        Assert.Equal([0, 1, 1, 2], d.Events.Items);
        Assert.Equal(1241478537000L, d.Events.Timestamps[0]);
        Assert.All(d.Events.Kinds, k => Assert.Equal(EventKind.Play, k));
        Assert.Equal(1, report.Removed["exact duplicate row"]);
        Assert.Equal(new string?[] { "m", "f" }, d.UserInfo.Attributes["gender"]);
        Assert.Equal(new string?[] { null, "24" }, d.UserInfo.Attributes["age"]);
        Assert.Equal(new string?[] { "Japan", "Poland" }, d.UserInfo.Attributes["country"]);
        Assert.Equal(new string?[] { "Aug 13, 2006", null }, d.UserInfo.Attributes["registered"]);
    }

    [Fact]
    public void Import_BadTimestampStrictVsLenient_ThrowsOrCounts()
    {
        using var t = new TempFolder();
        var f = t.File(Log, "u1\t2009-05-04T23:08:57Z\t\tA\t\tB\nu1\t04/05/2009\t\tA\t\tB\nu1\t2009-05-04T23:08:58Z\t\tA\n");
        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, f));
        Assert.Equal(2, ex.Line);
        Assert.Contains("timestamp", ex.Field);
        var (d, report) = ImportRunner.Run(Sut, ErrorMode.Lenient, f);
        Assert.Equal(1, d.Events.Count);
        Assert.Equal(1, report.Faults["bad timestamp"]);
        Assert.Equal(1, report.Faults["wrong field count"]);
    }

    [Fact]
    public void Import_CommaSeparatedLog_SaysTabWasExpected()
    {
        using var t = new TempFolder();
        var f = t.File(Log, "u1,2009-05-04T23:08:57Z,,A,,B\n");
        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, f));
        Assert.Contains("expected 6 fields separated by tab but found 1", ex.Message);
    }

    [Fact]
    public void Import_InvalidUtf8TrackName_FaultNamesField()
    {
        using var t = new TempFolder();
        var f = t.Bytes(Log, [.. "u1\t2009-05-04T23:08:57Z\t\tA\t\tB"u8, 0xE9, .. "\n"u8]);
        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, f));
        Assert.Equal(1, ex.Line);
        Assert.Contains("track name", ex.Field);
    }

    [Fact]
    public void Import_TruncatedGzipEmptyAndMissing_Handled()
    {
        using var t = new TempFolder();
        var body = string.Concat(Enumerable.Range(0, 5000).Select(i => $"u{i % 9}\t2009-05-04T23:08:{i % 60:00}Z\t\tArtist {i % 50}\t\tSong {i}\n"));
        var gz = t.Gzip(Log + ".gz", body, truncate: true);
        Assert.Contains("truncated", Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Lenient, gz)).Message);
        Assert.Equal(0, ImportRunner.Run(Sut, ErrorMode.Strict, t.File("empty.tsv", "")).Data.Events.Count);
        Assert.Contains("not found", Assert.Throws<FileNotFoundException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, "/nope/" + Log)).Message);
    }
}
