using Encore.Data.Import;
using Encore.Data.Import.LastFm1K;
using Encore.Data.Import.Piki;
using Encore.Data.Import.Table;

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
}
