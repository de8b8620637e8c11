using Encore.Data.Import;
using Encore.Data.Import.Ium;
using Encore.Data.Import.KddCup;
using Encore.Data.Import.LastFm1K;
using Encore.Data.Import.Piki;
using Encore.Data.Import.Table;
using Encore.Data.Tests.Import.Ium;

namespace Encore.Data.Tests.Import.Faults;

/// <summary>
/// A row skipped as a fault leaves nothing behind: its user, track or artist is not registered unless another
/// row brings it, so `encore stats` counts the users and tracks of the rows that were imported (a table with
/// one bad number used to report 2 users where 1 had events).
/// </summary>
public sealed class SkippedRowIdTests
{
    private const string Log = "userid-timestamp-artid-artname-traid-traname.tsv";

    [Theory]
    [InlineData("u2,t2,abc,2009-05-04T23:08:57Z")]
    [InlineData("u2,t2,1,yesterday")]
    [InlineData("u2,,1,2009-05-04T23:08:57Z")]
    [InlineData("u2,t2\u0001,1,2009-05-04T23:08:57Z")]
    public void Table_FaultyRow_RegistersNoId(string bad)
    {
        using var t = new TempFolder();
        var f = t.File("log.csv", $"user,item,value,time\nu1,t1,3,2009-05-04T23:08:57Z\n{bad}\nu3,t3,1,2009-05-04T23:08:59Z\n");
        var settings = new Dictionary<string, string> { ["user"] = "user", ["item"] = "item", ["value"] = "value", ["time"] = "time" };

        var (d, report) = ImportRunner.Run(new TableImporter(), ErrorMode.Lenient, settings, f);

        Assert.Equal(1, report.TotalFaults);
        Assert.Equal(["u1", "u3"], d.Users.Ids);
        Assert.Equal(["t1", "t3"], d.Tracks.Ids);
    }

    [Theory]
    [InlineData("u2\t2009-05-04T23:08:58Z\t\tBand Two\t\tSong \u0001")]
    [InlineData("u2\t2009-05-04T23:08:58Z\tmbid-of-band-two\tBand Two\tbad\u0001mbid\tSong")]
    [InlineData("u2\t2009-05-04T23:08:58Z\tbad\u0001mbid\tBand Two\t\tSong")]
    public void LastFm1K_FaultyRow_RegistersNoId(string bad)
    {
        using var t = new TempFolder();
        var f = t.File(Log, $"u1\t2009-05-04T23:08:57Z\t\tBand\t\tSong\n{bad}\nu3\t2009-05-04T23:08:59Z\t\tBand\t\tSong\n");

        var (d, report) = ImportRunner.Run(new LastFm1KImporter(), ErrorMode.Lenient, f);

        Assert.Equal(1, report.TotalFaults);
        Assert.Equal(["u1", "u3"], d.Users.Ids);
        Assert.Equal(["Band"], d.Artists.Ids);
        Assert.Equal(["Band\u241FSong"], d.Tracks.Ids);
    }

    [Theory]
    [InlineData("2019-08-23 14:40:34,8,101,7,0,56")]
    [InlineData("yesterday,8,101,1,0,56")]
    [InlineData("2019-08-23 14:40:34,8,101,1,0,popular")]
    public void Piki_FaultyRow_RegistersNoId(string bad)
    {
        using var t = new TempFolder();
        var f = t.File("piki.csv", $"timestamp,user_id,song_id,liked,personalized,spotify_popularity\n2019-08-23 14:40:33,7,100,1,0,56\n{bad}\n2019-08-23 14:40:35,9,102,0,0,\n");

        var (d, report) = ImportRunner.Run(new PikiImporter(), ErrorMode.Lenient, f);

        Assert.Equal(1, report.TotalFaults);
        Assert.Equal(["7", "9"], d.Users.Ids);
        Assert.Equal(["100", "102"], d.Tracks.Ids);
    }

    private static void KddCatalogue(TempFolder t)
    {
        t.File("genreData2.txt", "81520\n");
        t.File("artistData2.txt", "158282\n");
        t.File("trackData2.txt", "1|None|158282|81520\n2|None|None\n");
    }

    [Theory]
    [InlineData("9|2\n999\t50\n1\t900\n")] // unknown item, score out of range
    [InlineData("9|1\nx\t50\n")] // item id not a number
    public void Kdd_BlockWhoseEveryLineIsRejected_RegistersNoUser(string badBlock)
    {
        using var t = new TempFolder();
        KddCatalogue(t);
        t.File("trainIdx2.txt", $"7|1\n1\t90\n{badBlock}8|1\n2\t70\n");

        var (d, report) = ImportRunner.Run(new KddCupImporter(), ErrorMode.Lenient, t.Path);

        Assert.True(report.TotalFaults >= 1);
        Assert.Equal(["7", "8"], d.Users.Ids);
        Assert.Equal([0, 1], d.Ratings.Users);
    }

    [Fact]
    public void Kdd_TestBlockWhoseEveryLineIsRejected_RegistersNoUser()
    {
        using var t = new TempFolder();
        KddCatalogue(t);
        t.File("trainIdx2.txt", "7|1\n1\t90\n");
        t.File("testIdx2.txt", "7|1\n2\n9|2\n158282\n999\n");

        var (d, report) = ImportRunner.Run(new KddCupImporter(), ErrorMode.Lenient, t.Path);

        Assert.Equal(2, report.TotalFaults); // an artist id where a track is expected; an unknown id
        Assert.Equal(["7"], d.Users.Ids);
        Assert.Equal([0], d.Candidates.Users);
    }

    [Theory]
    [InlineData("3|None|158282|81520|x\n")] // a genre that is not a number: the artist and the track stay out
    [InlineData("3|55|None|1\n")] // track 1 given as a genre: album 55 stays out
    public void Kdd_CatalogueRowRejected_RegistersNeitherItsIdNorItsLinks(string bad)
    {
        using var t = new TempFolder();
        t.File("genreData2.txt", "81520\n");
        t.File("trackData2.txt", $"1|None|None|81520\n{bad}2|None|None\n");
        t.File("trainIdx2.txt", "7|1\n1\t90\n");

        var (d, report) = ImportRunner.Run(new KddCupImporter(), ErrorMode.Lenient, t.Path);

        Assert.Equal(1, report.TotalFaults);
        Assert.Equal(["1", "2"], d.Tracks.Ids);
        Assert.Empty(d.Artists.Ids);
        Assert.Empty(d.Albums.Ids);
    }

    [Fact]
    public void Kdd_HierarchyRowWithABadUser_RegistersNoTrack()
    {
        using var t = new TempFolder();
        KddCatalogue(t);
        t.File("trainIdx2.txt", "7|1\n1\t90\n");
        t.File("testTrack_hierarchy.txt", "7|2|None|None\nbob|5|None|None\n");

        var (d, report) = ImportRunner.Run(new KddCupImporter(), ErrorMode.Lenient, t.Path);

        Assert.Equal(1, report.TotalFaults);
        Assert.Equal(["1", "2"], d.Tracks.Ids);
        Assert.Equal(["7"], d.Users.Ids);
    }

    [Theory]
    [InlineData("u9\ts10\t7\n")] // the only pair's value is not 1, -1 or 2
    [InlineData("u9\tx10\t1\n")] // the only pair's song lacks its 's'
    [InlineData("u9\n")] // no pair at all
    public void PikiHistories_LineWhoseEveryPairIsRejected_RegistersNoUser(string bad)
    {
        using var t = new TempFolder();
        var f = t.File("x.histories", $"u1\ts10\t1\n{bad}u2\ts11\t-1\n");

        var (d, _) = ImportRunner.Run(new PikiImporter(), ErrorMode.Lenient, f);

        Assert.Equal(["1", "2"], d.Users.Ids);
        Assert.Equal(["10", "11"], d.Tracks.Ids);
    }

    [Fact]
    public void LastFm1KProfile_FaultyRow_RegistersNoUser()
    {
        const string bad = "user_000009\tm\told\tJapan\t"; // age not a number
        using var t = new TempFolder();
        t.File(Log, "user_000001\t2009-05-04T23:08:57Z\t\tBand\t\tSong\n");
        t.File("userid-profile.tsv", $"#id\tgender\tage\tcountry\tregistered\nuser_000001\tf\t24\tPoland\t\n{bad}\n");

        var (d, report) = ImportRunner.Run(new LastFm1KImporter(), ErrorMode.Lenient, t.Path);

        Assert.Equal(1, report.TotalFaults);
        Assert.Equal(["user_000001"], d.Users.Ids);
    }

    [Fact]
    public void IumTrack_WithoutAnId_RegistersNoArtist()
    {
        using var folder = new JsonFixtureFolder();
        IumFixture.WriteAll(folder);
        folder.WriteLines("tracks.jsonl", [.. IumFixture.Tracks, """{"id": null, "name": "Nameless", "id_artist": "a-orphan"}""", """{"id": "t2", "name": "Repeat", "id_artist": "a-repeat"}"""]);

        var d = new IumImporter().Import([folder.Root], new ImportOptions { Mode = ErrorMode.Lenient }, new ImportReport(ErrorMode.Lenient));

        Assert.DoesNotContain("a-orphan", d.Artists.Ids);
        Assert.DoesNotContain("a-repeat", d.Artists.Ids); // a repeated track id: the first row wins, the repeat's artist is not registered
        Assert.Contains("a9", d.Artists.Ids); // an accepted track's link to an unlisted artist still registers it
    }
}
