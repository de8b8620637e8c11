using Encore.Core.Errors;
using Encore.Data.Import;
using Encore.Data.Import.Table;
using Encore.Data.Model;
using Encore.Tests.Shared;
using Parquet;
using Parquet.Schema;

namespace Encore.Data.Tests.Import;

public sealed class TableImporterTests
{
    private static readonly TableImporter Sut = new();

    private static Dictionary<string, string> Map(params string[] pairs) =>
        pairs.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

    [Fact]
    public void Import_CsvWithAllColumns_ReadsExactValues()
    {
        using var t = new TempFolder();
        var f = t.File("log.csv", "uid,track,score,at,what,sess\nu1,\"t,1\",4.5,2009-05-04T23:08:57Z,LIKE,7\nu2,t2,,2009-05-04 23:08:58,skip,x\nu1,t2,1,2009-05-05,weird,\n");
        var (d, report) = ImportRunner.Run(Sut, ErrorMode.Strict,
            Map("user=uid", "item=track", "value=score", "time=at", "kind=what", "session=sess"), f);

        Assert.Equal(["u1", "u2"], d.Users.Ids);
        Assert.Equal(["t,1", "t2"], d.Tracks.Ids);
        Assert.Equal([0, 1, 0], d.Events.Users);
        Assert.Equal([0, 1, 1], d.Events.Items);
        Assert.Equal([EventKind.Like, EventKind.Skip, EventKind.Other], d.Events.Kinds);
        Assert.Equal(4.5f, d.Events.Values[0]);
        Assert.True(float.IsNaN(d.Events.Values[1]));
        Assert.Equal(1241478537000L, d.Events.Timestamps[0]);
        Assert.Equal(1241478538000L, d.Events.Timestamps[1]);
        Assert.Equal(1241481600000L, d.Events.Timestamps[2]);
        Assert.Equal(7L, d.Events.Sessions[0]);
        Assert.Equal(0L, d.Events.Sessions[1]);
        Assert.Equal(Missing.Session, d.Events.Sessions[2]);
        Assert.Equal(1, report.Counts["events of an unrecognised kind"]);
    }

    [Fact]
    public void Import_TsvWithoutHeaderEpochSeconds_UsesIndicesAndLevel()
    {
        using var t = new TempFolder();
        var f = t.File("plays.tsv", "10\t200\t1262304000\n11\t201\t1262304001\n");
        var (d, _) = ImportRunner.Run(Sut, ErrorMode.Strict,
            Map("user=0", "item=1", "time=2", "time-unit=s", "header=false", "level=artist", "kind-default=like"), f);
        Assert.Equal(EntityLevel.Artist, d.ItemLevel);
        Assert.Equal(["200", "201"], d.Artists.Ids);
        Assert.Equal(0, d.Tracks.Count);
        Assert.Equal([1262304000000L, 1262304001000L], d.Events.Timestamps);
        Assert.Equal([EventKind.Like, EventKind.Like], d.Events.Kinds);
    }

    [Fact]
    public void Import_SemicolonSettingAndMilliseconds_Parses()
    {
        using var t = new TempFolder();
        var f = t.File("x.txt", "u;i;ms\na;b;1262304000123\n");
        var (d, _) = ImportRunner.Run(Sut, ErrorMode.Strict, Map("user=U", "item=I", "time=ms", "time-unit=ms", "delimiter=;"), f);
        Assert.Equal([1262304000123L], d.Events.Timestamps);
    }

    [Fact]
    public void Import_MissingMappedColumn_ListsColumnsFound()
    {
        using var t = new TempFolder();
        var f = t.File("log.csv", "user_id,song_id\n1,2\n");
        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Lenient, Map("user=user_id", "item=track"), f));
        Assert.Contains("log.csv", ex.Message);
        Assert.Contains("'track' not found", ex.Message);
        Assert.Contains("user_id, song_id", ex.Message);
    }

    [Fact]
    public void Import_WrongDelimiter_SaysWhichWasExpected()
    {
        using var t = new TempFolder();
        var f = t.File("log.csv", "0\t1\t2\n1\t2\t3\n");
        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, Map("user=0", "item=1", "value=2", "header=false"), f));
        Assert.Contains("beyond the 1 fields", ex.Message);

        var g = t.File("log2.csv", "u,i,v\n1,2,3\n1\t2\t3\n");
        var ex2 = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, Map("user=u", "item=i", "value=v"), g));
        Assert.Equal(3, ex2.Line);
        Assert.Contains("expected 3 fields separated by comma but found 1", ex2.Message);
        Assert.Contains("tab", ex2.Message);
    }

    /// <summary>
    /// Session 12's newcomer: with only user and item mapped on a 3-column table a short line said "expected 2 fields ...
    /// found 1", which reads as wrong for a 3-column file; it now says which mapped column needs the second field.
    /// </summary>
    [Fact]
    public void Import_ShortLineWithTwoOfThreeColumnsMapped_SaysWhichColumnNeedsTheFields()
    {
        using var t = new TempFolder();
        var f = t.File("plays.csv", "user,item,count\nu1,t1,3\nu2\n");

        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, Map("user=user", "item=item"), f));

        Assert.Equal(3, ex.Line);
        Assert.Contains("expected 2 fields separated by comma but found 1 (the mapped item column 'item' is field 2 of the first row's 3)", ex.Message);
    }

    [Fact]
    public void Import_BadRowsStrictVsLenient_ThrowsOrCounts()
    {
        using var t = new TempFolder();
        var f = t.File("log.csv", "u,i,v,ts\na,b,1,2020-01-01T00:00:00Z\na,b,x,2020-01-01T00:00:00Z\na,b,1,yesterday\n,b,1,2020-01-01T00:00:00Z\na,b,1,2020-01-01T00:00:00Z\n");
        var settings = Map("user=u", "item=i", "value=v", "time=ts");
        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, settings, f));
        Assert.Equal(3, ex.Line);
        Assert.Contains("v (field 3)", ex.Field);

        var (d, report) = ImportRunner.Run(Sut, ErrorMode.Lenient, settings, f);
        Assert.Equal(1, d.Events.Count);
        Assert.Equal(1, report.Faults["bad number"]);
        Assert.Equal(1, report.Faults["bad timestamp"]);
        Assert.Equal(1, report.Faults["empty id"]);
        Assert.Equal(1, report.Removed["exact duplicate row"]);
    }

    [Fact]
    public void Import_InvalidUtf8Id_FaultNamesLineAndField()
    {
        using var t = new TempFolder();
        var f = t.Bytes("log.csv", [.. "u,i\na,b\nc"u8, 0xC3, 0x28, .. ",d\n"u8]);
        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, Map("user=u", "item=i"), f));
        Assert.Equal(3, ex.Line);
        Assert.Contains("user", ex.Field);
        Assert.Contains("UTF-8", ex.Message);
    }

    [Fact]
    public void Import_GzipAndTruncatedGzip_ReadsOrThrows()
    {
        using var t = new TempFolder();
        var body = "u,i\n" + string.Concat(Enumerable.Range(0, 20000).Select(i => $"u{i % 97},t{i % 1013}\n"));
        var ok = t.Gzip("ok.csv.gz", body);
        Assert.Equal(20000, ImportRunner.Run(Sut, ErrorMode.Strict, Map("user=u", "item=i"), ok).Data.Events.Count);
        var bad = t.Gzip("bad.csv.gz", body, truncate: true);
        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Lenient, Map("user=u", "item=i"), bad));
        Assert.Contains("bad.csv.gz", ex.Message);
        Assert.Contains("truncated", ex.Message);
    }

    [Fact]
    public void Import_MovieLensDoubleColonRatings_ReadWithColonAndTheRecipeIsOffered()
    {
        // s16-user: MovieLens 1M's ratings.dat (UserID::MovieID::Rating::Timestamp) could not be read: delimiter=:: was
        // refused without a way out, and without it the error was "column index 1 is beyond the 1 fields".
        using var t = new TempFolder();
        var f = t.File("ratings.dat", "1::1193::5::978300760\n1::661::3::978302109\n2::1193::4::978298413\n");

        var (d, _) = ImportRunner.Run(Sut, ErrorMode.Strict,
            Map("delimiter=:", "header=false", "user=0", "item=2", "value=4", "time=6", "time-unit=s", "kind-default=rating"), f);
        var refused = Assert.Throws<ArgumentException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, Map("delimiter=::", "header=false", "user=0", "item=1"), f));
        var unset = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, Map("header=false", "user=0", "item=1"), f));

        Assert.Equal(["1", "2"], d.Users.Ids);
        Assert.Equal(["1193", "661"], d.Tracks.Ids);
        Assert.Equal([5f, 3f, 4f], d.Events.Values);
        Assert.Equal(978300760000L, d.Events.Timestamps[0]);
        Assert.All(d.Events.Kinds, k => Assert.Equal(EventKind.Rating, k));
        Assert.Contains("set delimiter=: header=false user=0 item=2 value=4 time=6 time-unit=s", refused.Message, StringComparison.Ordinal);
        Assert.Contains("column index 1 is beyond the 1 fields of the first row; the line contains '::': for a '::'-separated file", unset.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_TabSeparatedHeaderReadWithCommas_SuggestsTabs()
    {
        // A new user's report: delimiter=, on HetRec's tab-separated user_artists.dat listed one "column" with raw tabs.
        using var t = new TempFolder();
        var f = t.File("user_artists.dat", "userID\tartistID\tweight\n2\t51\t13883\n");
        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, Map("user=userID", "item=artistID", "delimiter=,"), f));
        Assert.Contains("columns found: userID\\tartistID\\tweight; the line contains tabs: is the file tab-separated?", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_EmptyFile_GivesNoEvents()
    {
        using var t = new TempFolder();
        var f = t.File("empty.csv", "");
        Assert.Equal(0, ImportRunner.Run(Sut, ErrorMode.Strict, Map("user=u", "item=i"), f).Data.Events.Count);
    }

    [Fact]
    public void Import_MissingFileOrMapping_ThrowsClearly()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, Map("user=u", "item=i"), "/nope/log.csv"));
        Assert.Contains("/nope/log.csv", ex.Message);
        var ex2 = Assert.Throws<ArgumentException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, Map("user=u"), "/nope/log.csv"));
        Assert.Contains("item=", ex2.Message);
    }

    [Fact]
    public async Task Import_Parquet_ReadsColumnsByName()
    {
        using var t = new TempFolder();
        var path = System.IO.Path.Combine(t.Path, "log.parquet");
        var user = new DataField<string>("User");
        var item = new DataField<long>("item");
        var value = new DataField<double?>("value");
        var time = new DataField<long>("ts");
        await using (var stream = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(user, item, value, time), stream);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(user, new[] { "a", "b", "a" });
            await group.WriteAsync(item, new ReadOnlyMemory<long>([5, 6, 6]));
            await group.WriteAsync(value, new ReadOnlyMemory<double?>([1.5, null, 3]));
            await group.WriteAsync(time, new ReadOnlyMemory<long>([1000, 2000, 3000]));
        }
        var (d, _) = ImportRunner.Run(Sut, ErrorMode.Strict, Map("user=user", "item=item", "value=value", "time=ts", "time-unit=ms"), path);
        Assert.Equal(["a", "b"], d.Users.Ids);
        Assert.Equal(["5", "6"], d.Tracks.Ids);
        Assert.Equal([0, 1, 0], d.Events.Users);
        Assert.Equal([0, 1, 1], d.Events.Items);
        Assert.Equal(1.5f, d.Events.Values[0]);
        Assert.True(float.IsNaN(d.Events.Values[1]));
        Assert.Equal([1000L, 2000L, 3000L], d.Events.Timestamps);

        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, Map("user=uid", "item=item"), path));
        Assert.Contains("User, item, value, ts", ex.Message);
    }

    [SharedDataFact]
    public void Import_HetRecSplitTrain_Reads74265Rows()
    {
        if (SharedData.BenchmarksRoot is not { } root) return;
        var (d, report) = ImportRunner.Run(Sut, ErrorMode.Strict, Map("user=user", "item=item", "value=value"),
            System.IO.Path.Combine(root, "hetrec-split-seed42", "train.tsv"));
        Assert.Equal(74265, d.Events.Count);
        Assert.Equal(0, report.TotalFaults);
    }
}

public sealed class TableDuplicateTests
{
    private static readonly TableImporter Sut = new();

    [Fact]
    public void Import_DuplicatesAcrossFilesWithTime_RemovedKeepingFirstOrder()
    {
        using var t = new TempFolder();
        var a = t.File("a.csv", "u,i,ts\nx,1,1\ny,2,2\nx,1,1\nz,3,3\n");
        var b = t.File("b.csv", "u,i,ts\ny,2,2\nx,1,2\n");
        var settings = new Dictionary<string, string> { ["user"] = "u", ["item"] = "i", ["time"] = "ts", ["time-unit"] = "s" };
        var (d, report) = ImportRunner.Run(Sut, ErrorMode.Strict, settings, a, b);
        Assert.Equal([0, 1, 2, 0], d.Events.Users);
        Assert.Equal([1000L, 2000L, 3000L, 2000L], d.Events.Timestamps);
        Assert.Equal(2, report.Removed["exact duplicate row"]);
    }

    [Fact]
    public void Import_DuplicatesWithoutTime_AreKeptAsRepeats()
    {
        using var t = new TempFolder();
        var a = t.File("a.csv", "u,i\nx,1\nx,1\n");
        var (d, report) = ImportRunner.Run(Sut, ErrorMode.Strict, new Dictionary<string, string> { ["user"] = "u", ["item"] = "i" }, a);
        Assert.Equal(2, d.Events.Count);
        Assert.Empty(report.Removed);
    }
}
