using System.Text;
using Encore.Core.Errors;
using Encore.Data.Import;
using Encore.Data.Import.HetRec;
using Encore.Data.Model;
using Encore.Tests.Shared;

namespace Encore.Data.Tests.Import;

public sealed class HetRecImporterTests
{
    private static readonly HetRecImporter Sut = new();

    private static void WriteFolder(TempFolder t, string? listens = null)
    {
        t.File("artists.dat", "id\tname\turl\tpictureURL\n1\tMALICE MIZER\thttp://a\thttp://p\n2\tBjörk\thttp://b\thttp://q\n");
        t.Bytes("tags.dat", [.. "tagID\ttagValue\n1\tmetal\n2\tcaf"u8, 0xE9, .. "\n"u8]);
        t.File("user_artists.dat", listens ?? "userID\tartistID\tweight\n2\t1\t13883\n2\t2\t11690\n3\t2\t5\n");
        t.File("user_taggedartists.dat", "userID\tartistID\ttagID\tday\tmonth\tyear\n2\t1\t1\t1\t4\t2009\n3\t2\t2\t29\t2\t2008\n");
        t.File("user_friends.dat", "userID\tfriendID\n2\t3\n3\t2\n");
    }

    [Fact]
    public void Import_Folder_ReadsEveryTable()
    {
        using var t = new TempFolder();
        WriteFolder(t);
        var (d, report) = ImportRunner.Run(Sut, ErrorMode.Strict, t.Path);

        Assert.Equal(EntityLevel.Artist, d.ItemLevel);
        Assert.Equal(["1", "2"], d.Artists.Ids);
        Assert.Equal(new string?[] { "MALICE MIZER", "Björk" }, d.ArtistInfo.Names);
        Assert.Equal(["2", "3"], d.Users.Ids);
        Assert.Equal(3, d.Events.Count);
        Assert.Equal([0, 0, 1], d.Events.Users);
        Assert.Equal([0, 1, 1], d.Events.Items);
        Assert.Equal([13883f, 11690f, 5f], d.Events.Values);
        Assert.All(d.Events.Kinds, k => Assert.Equal(EventKind.Play, k));
        Assert.All(d.Events.Timestamps, ts => Assert.Equal(Missing.Time, ts));
        Assert.Equal(["metal", "café"], d.Tags.Ids);
        Assert.Equal(2, d.TagAssignments.Count);
        Assert.Equal(new DateTimeOffset(2009, 4, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), d.TagAssignments.Timestamps[0]);
        Assert.Equal(new DateTimeOffset(2008, 2, 29, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), d.TagAssignments.Timestamps[1]);
        Assert.Equal([EntityLevel.Artist, EntityLevel.Artist], d.TagAssignments.Levels);
        Assert.Equal([0, 1], d.TagAssignments.Targets);
        Assert.Equal([0, 1], d.TagAssignments.Tags);
        Assert.Equal([0, 1], d.Friendships.From);
        Assert.Equal([1, 0], d.Friendships.To);
        Assert.Equal(0, report.TotalFaults);
    }

    [Fact]
    public void Import_TimestampsVariant_UsesEpochMilliseconds()
    {
        using var t = new TempFolder();
        WriteFolder(t);
        t.File("user_taggedartists-timestamps.dat", "userID\tartistID\ttagID\ttimestamp\n2\t1\t1\t1238536800000\n");
        var (d, _) = ImportRunner.Run(Sut, ErrorMode.Strict, t.Path);
        Assert.Equal([1238536800000L], d.TagAssignments.Timestamps);
    }

    [Fact]
    public void Import_BadWeightStrict_ThrowsWithFileLineAndField()
    {
        using var t = new TempFolder();
        WriteFolder(t, "userID\tartistID\tweight\n2\t1\t13883\n2\t2\tmany\n");
        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, t.Path));
        Assert.EndsWith("user_artists.dat", ex.File);
        Assert.Equal(3, ex.Line);
        Assert.Contains("weight", ex.Field);
        Assert.Contains("many", ex.Message);
    }

    [Fact]
    public void Import_BadRowsLenient_SkipsAndCountsThem()
    {
        using var t = new TempFolder();
        WriteFolder(t, "userID\tartistID\tweight\n2\t1\t13883\n2\tx\t1\n2 1 5\n3\t2\t5\n3\t2\t5\n");
        var (d, report) = ImportRunner.Run(Sut, ErrorMode.Lenient, t.Path);
        Assert.Equal(2, d.Events.Count);
        Assert.Equal(1, report.Faults["bad number"]);
        Assert.Equal(1, report.Faults["wrong field count"]);
        Assert.Equal(1, report.Removed["exact duplicate row"]);
    }

    [Fact]
    public void Import_CommaSeparatedFile_SaysWhichDelimiterWasExpected()
    {
        using var t = new TempFolder();
        WriteFolder(t, "userID,artistID,weight\n2,1,13883\n");
        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, t.Path));
        Assert.Equal(1, ex.Line);
        Assert.Contains("expected 3 fields separated by tab but found 1", ex.Message);
        Assert.Contains("comma", ex.Message);
    }

    [Fact]
    public void Import_InvalidUtf8ArtistName_FaultNamesLineAndField()
    {
        using var t = new TempFolder();
        WriteFolder(t);
        t.Bytes("artists.dat", [.. "id\tname\turl\tpictureURL\n1\tBj"u8, 0xF6, .. "rk\tu\tp\n"u8]);
        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, t.Path));
        Assert.Equal(2, ex.Line);
        Assert.Contains("name", ex.Field);
        Assert.Contains("UTF-8", ex.Message);
    }

    [Fact]
    public void Import_TruncatedGzip_ThrowsDataFormatException()
    {
        using var t = new TempFolder();
        var body = new StringBuilder("userID\tartistID\tweight\n");
        for (var i = 0; i < 5000; i++) body.Append(i).Append('\t').Append(i * 7 % 1000).Append("\t1\n");
        t.Gzip("user_artists.dat.gz", body.ToString(), truncate: true);
        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Lenient, t.Path));
        Assert.Contains("truncated", ex.Message);
    }

    [Fact]
    public void Import_EmptyListeningFile_GivesEmptyDataset()
    {
        using var t = new TempFolder();
        t.File("user_artists.dat", "");
        var (d, _) = ImportRunner.Run(Sut, ErrorMode.Strict, t.Path);
        Assert.Equal(0, d.Events.Count);
        Assert.Equal(0, d.Users.Count);
    }

    [Fact]
    public void Import_MissingFolder_ThrowsNamingIt()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, "/nonexistent/hetrec"));
        Assert.Contains("/nonexistent/hetrec", ex.Message);
        Assert.Contains("not found", ex.Message);
    }

    [SharedDataFact]
    public void Import_SharedHetRec_MatchesProvenanceCounts()
    {
        var (d, report) = ImportRunner.Run(Sut, ErrorMode.Strict, SharedData.Path("lastfm-hetrec2011-2k"));
        Assert.Equal(1892, d.Users.Count);
        // 390 artists are tagged but absent from artists.dat and user_artists.dat: they get ids without names.
        Assert.Equal(17632, d.ArtistInfo.Names.Count(n => n is not null));
        Assert.Equal(17632, d.Events.Items.Distinct().Count());
        Assert.Equal(17632 + 390, d.Artists.Count);
        Assert.Equal(92834, d.Events.Count);
        Assert.Equal(11946, d.Tags.Count);
        Assert.Equal(186479, d.TagAssignments.Count);
        Assert.Equal(25434, d.Friendships.Count);
        Assert.Equal(0, report.TotalFaults);
        Assert.Equal("MALICE MIZER", d.ArtistInfo.Names[d.Artists.IndexOf("1")]);
    }
}
