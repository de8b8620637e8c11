using Encore.Core.Errors;
using Encore.Data.Content;
using Encore.Data.Import;
using Encore.Data.Import.HetRec;
using Encore.Data.Import.KddCup;
using Encore.Data.Import.LastFm1K;
using Encore.Data.Import.Piki;
using Encore.Data.Import.Table;
using Encore.Data.Import.YahooR3;

namespace Encore.Data.Tests.Import.Faults;

/// <summary>
/// A row with too few fields names every column it lacks, with its field position, in every delimited importer
/// (session 13's newcomer: <c>import piki</c> said "expected N fields" without the column; the table importer had
/// been mended alone; until session 16 only the first missing column was named). Each case also keeps the file and
/// the line.
/// </summary>
public sealed class ShortRowTests
{
    private static DataFormatException Strict(IDatasetImporter sut, string path, Dictionary<string, string>? settings = null) =>
        Assert.Throws<DataFormatException>(() => ImportRunner.Run(sut, ErrorMode.Strict, settings ?? [], path));

    private static void AssertMissing(DataFormatException ex, string file, long line, string field)
    {
        Assert.Equal(file, Path.GetFileName(ex.File));
        Assert.Equal(line, ex.Line);
        Assert.Equal(field, ex.Field);
        Assert.Contains("missing: " + field, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Piki_CsvRowWithoutLikedAndTimestamp_NamesBoth()
    {
        using var t = new TempFolder();
        var f = t.File("piki.csv", "user_id,song_id,liked,timestamp\n7,100,1,2019-08-23 14:40:33\n7,100\n");
        AssertMissing(Strict(new PikiImporter(), f), "piki.csv", 3, "liked (field 3), timestamp (field 4)");
    }

    [Fact]
    public void Piki_CsvRowLackingAColumnNotRead_CountsItAfterTheColumnsRead()
    {
        // A new user's report: 3 of 6 fields named only 2 missing columns.
        using var t = new TempFolder();
        var f = t.File("piki.csv", "timestamp,user_id,song_id,liked,personalized,spotify_popularity\n2020-01-01 00:00:00,42,7\n");
        var ex = Strict(new PikiImporter(), f);
        Assert.Contains("but found 3; missing: liked (field 4), spotify_popularity (field 6), and field 5 (not read)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Piki_CsvRowShortOfTheLastColumnRead_NamesIt()
    {
        using var t = new TempFolder();
        var f = t.File("piki.csv", "timestamp,user_id,song_id,personalized,liked\n2019-08-23 14:40:33,7,100,0\n");
        AssertMissing(Strict(new PikiImporter(), f), "piki.csv", 2, "liked (field 5)");
    }

    [Fact]
    public void Piki_HistoriesSongWithoutValue_NamesTheValueField()
    {
        using var t = new TempFolder();
        var f = t.File("eval.histories", "u7\ts100\t1\ts101\n");
        var ex = Strict(new PikiImporter(), f);
        AssertMissing(ex, "eval.histories", 1, "value (field 5)");
        Assert.Contains("the value of 's101'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HetRec_ListensWithoutWeight_NamesWeight()
    {
        using var t = new TempFolder();
        t.File("artists.dat", "id\tname\turl\tpictureURL\n1\tA\thttp://a\thttp://p\n");
        t.File("user_artists.dat", "userID\tartistID\tweight\n2\t1\t13883\n2\t1\n");
        AssertMissing(Strict(new HetRecImporter(), t.Path), "user_artists.dat", 3, "weight (field 3)");
    }

    [Fact]
    public void HetRec_TaggingWithoutYear_NamesYear()
    {
        using var t = new TempFolder();
        t.File("artists.dat", "id\tname\turl\tpictureURL\n1\tA\thttp://a\thttp://p\n");
        t.File("tags.dat", "tagID\ttagValue\n1\tmetal\n");
        t.File("user_artists.dat", "userID\tartistID\tweight\n2\t1\t13883\n");
        t.File("user_taggedartists.dat", "userID\tartistID\ttagID\tday\tmonth\tyear\n2\t1\t1\t1\t4\n");
        AssertMissing(Strict(new HetRecImporter(), t.Path), "user_taggedartists.dat", 2, "year (field 6)");
    }

    [Fact]
    public void LastFm1K_LogRowWithoutTrack_NamesEveryMissingColumn()
    {
        using var t = new TempFolder();
        var f = t.File("userid-timestamp-artid-artname-traid-traname.tsv", "u1\t2009-05-04T23:08:57Z\t\tA\n");
        AssertMissing(Strict(new LastFm1KImporter(), f), "userid-timestamp-artid-artname-traid-traname.tsv", 1, "track MBID (field 5), track name (field 6)");
    }

    [Fact]
    public void HetRec_TaggingWithoutMonthAndYear_NamesBoth()
    {
        using var t = new TempFolder();
        t.File("artists.dat", "id\tname\turl\tpictureURL\n1\tA\thttp://a\thttp://p\n");
        t.File("tags.dat", "tagID\ttagValue\n1\tmetal\n");
        t.File("user_artists.dat", "userID\tartistID\tweight\n2\t1\t13883\n");
        t.File("user_taggedartists.dat", "userID\tartistID\ttagID\tday\tmonth\tyear\n2\t1\t1\t1\n");
        AssertMissing(Strict(new HetRecImporter(), t.Path), "user_taggedartists.dat", 2, "month (field 5), year (field 6)");
    }

    [Fact]
    public void Table_RowShortOfTwoMappedColumns_NamesBothAndSkipsTheUnmappedOne()
    {
        using var t = new TempFolder();
        var f = t.File("plays.csv", "user,item,extra,count,time\nu1,t1,x,3,2009-05-04T23:08:57Z\nu2\n");
        var ex = Strict(new TableImporter(), f, new Dictionary<string, string> { ["user"] = "user", ["item"] = "item", ["value"] = "count", ["time"] = "time" });
        AssertMissing(ex, "plays.csv", 3, "item (field 2), count (field 4), time (field 5)");
    }

    [Fact]
    public void KddCup_RatingWithoutScore_NamesScore()
    {
        using var t = new TempFolder();
        t.File("genreData2.txt", "81520\n");
        t.File("artistData2.txt", "158282\n");
        t.File("albumData2.txt", "6|158282|81520\n");
        t.File("trackData2.txt", "1|6|158282|81520\n");
        t.File("trainIdx2.txt", "7|2\n1\t90\n1\n");
        AssertMissing(Strict(new KddCupImporter(), t.Path), "trainIdx2.txt", 3, "Score (field 2)");
    }

    [Fact]
    public void KddCup_TrackWithoutArtist_NamesArtistId()
    {
        using var t = new TempFolder();
        t.File("albumData2.txt", "");
        t.File("trackData2.txt", "1|6\n");
        t.File("trainIdx2.txt", "");
        AssertMissing(Strict(new KddCupImporter(), t.Path), "trackData2.txt", 1, "ArtistId (field 3)");
    }

    [Fact]
    public void YahooR3_RowWithoutRating_NamesRating()
    {
        using var t = new TempFolder();
        var f = t.File("r3-train.txt", "1\t14\t5\n1\t15\n");
        AssertMissing(Strict(new YahooR3Importer(), f), "r3-train.txt", 2, "Rating (field 3)");
    }

    [Fact]
    public void Table_RowWithoutTheMappedValue_NamesItsHeaderName()
    {
        using var t = new TempFolder();
        var f = t.File("plays.csv", "user,item,extra,count\nu1,t1,x,3\nu2,t1\n");
        var ex = Strict(new TableImporter(), f, new Dictionary<string, string> { ["user"] = "user", ["item"] = "item", ["value"] = "count" });
        AssertMissing(ex, "plays.csv", 3, "count (field 4)");
    }

    [Fact]
    public void Embeddings_RowWithFewerNumbers_NamesEveryMissingValue()
    {
        using var t = new TempFolder();
        var f = t.File("vectors.tsv", "t1\t0.1\t0.2\t0.3\nt2\t0.4\n");
        var ex = Assert.Throws<DataFormatException>(() => DelimitedVectorReader.Read(f, '\t', null));
        AssertMissing(ex, "vectors.tsv", 2, "value 2 (field 3), value 3 (field 4)");
    }

    [Fact]
    public void Embeddings_RowWithTwoExtraNumbers_NamesBothFields()
    {
        using var t = new TempFolder();
        var f = t.File("vectors.tsv", "t1\t0.1\nt2\t0.4\t0.5\t0.6\n");
        var ex = Assert.Throws<DataFormatException>(() => DelimitedVectorReader.Read(f, '\t', null));
        Assert.Equal(("field 3, field 4", 2L), (ex.Field, ex.Line));
        Assert.Contains("2 fields too many: field 3, field 4.", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A row with fewer fields than the header but every column read present was imported as if whole (a field lost in
    /// the middle shifts the ones after it); it is now a fault naming the header's columns it lacks and both counts.
    /// </summary>
    [Fact]
    public void Piki_CsvRowShorterThanTheHeaderOnlyInAColumnNotRead_NamesIt()
    {
        using var t = new TempFolder();
        var ex = Strict(new PikiImporter(), t.File("short.csv", "user_id,song_id,liked,personalized\n7,100,1,0\n7,101,1\n"));
        AssertMissing(ex, "short.csv", 3, "personalized (field 4)");
        Assert.Contains("expected 4 fields separated by comma, as the header has, but found 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_RowShorterThanTheHeaderOnlyInUnmappedColumns_NamesThem()
    {
        using var t = new TempFolder();
        var f = t.File("plays.csv", "user,item,count,extra,note\nu1,t1,3,x,y\nu2,t2,4\n");
        var ex = Strict(new TableImporter(), f, new Dictionary<string, string> { ["user"] = "user", ["item"] = "item", ["value"] = "count" });
        AssertMissing(ex, "plays.csv", 3, "extra (field 4), note (field 5)");
        Assert.Contains("expected 5 fields separated by comma, as the header has, but found 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_HeaderlessRowWithoutTheMappedValue_NamesTheRoleAndTheCounts()
    {
        using var t = new TempFolder();
        var f = t.File("plays.tsv", "u1\tt1\t3\nu2\tt2\n");
        var ex = Strict(new TableImporter(), f, new Dictionary<string, string> { ["header"] = "false", ["user"] = "0", ["item"] = "1", ["value"] = "2" });
        AssertMissing(ex, "plays.tsv", 2, "value (field 3)");
        Assert.Contains("expected 3 fields separated by tab but found 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_HeaderlessRowShorterThanTheFirstRowOnlyInAnUnmappedColumn_NamesIt()
    {
        using var t = new TempFolder();
        var f = t.File("plays.tsv", "u1\tt1\t3\t900\nu2\tt2\t4\n");
        var ex = Strict(new TableImporter(), f, new Dictionary<string, string> { ["header"] = "false", ["user"] = "0", ["item"] = "1", ["value"] = "2" });
        AssertMissing(ex, "plays.tsv", 2, "column 3 (field 4)");
        Assert.Contains("expected 4 fields separated by tab, as the first row has, but found 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_LenientRowShorterThanTheHeader_IsSkippedAndCounted()
    {
        using var t = new TempFolder();
        var f = t.File("plays.csv", "user,item,count,extra\nu1,t1,3,x\nu2,t2,4\n");
        var (d, report) = ImportRunner.Run(new TableImporter(), ErrorMode.Lenient, new Dictionary<string, string> { ["user"] = "user", ["item"] = "item", ["value"] = "count" }, f);
        Assert.Equal(1, d.Events.Count);
        Assert.Equal(1, report.TotalFaults);
        Assert.Contains(report.Examples, x => x.Contains("plays.csv:3: field 'extra (field 4)'", StringComparison.Ordinal));
    }
}
