using Encore.Core.Errors;
using Encore.Data.Import;
using Encore.Data.Import.YahooR3;
using Encore.Data.Model;

namespace Encore.Data.Tests.Import;

public sealed class YahooR3ImporterTests
{
    private static readonly YahooR3Importer Sut = new();

    [Fact]
    public void Import_Folder_ReadsTrainAndTestAsTrackRatings()
    {
        using var t = new TempFolder();
        t.File("ydata-ymusic-rating-study-v1_0-train.txt", "1\t14\t5\n1\t35\t1\n2\t14\t3\n");
        t.File("ydata-ymusic-rating-study-v1_0-test.txt", "1\t2\t4\n");
        t.File("ydata-ymusic-rating-study-v1_0-survey-answers.txt", "1\t2\t3\t4\t5\t6\t7\n");
        var (d, _) = ImportRunner.Run(Sut, ErrorMode.Strict, t.Path);
        Assert.Equal(4, d.Ratings.Count);
        Assert.Equal(["1", "2"], d.Users.Ids);
        Assert.Equal(["2", "14", "35"], d.Tracks.Ids);
        Assert.Equal([4f, 5f, 1f, 3f], d.Ratings.Values);
        Assert.All(d.Ratings.Levels, l => Assert.Equal(EntityLevel.Track, l));
        Assert.All(d.Ratings.Timestamps, ts => Assert.Equal(Missing.Time, ts));
        Assert.Equal(0, d.Events.Count);
    }

    [Fact]
    public void Import_BadRowsStrictVsLenient_ThrowsOrCounts()
    {
        using var t = new TempFolder();
        var f = t.File("r3-train.txt", "1\t14\t5\n1\t15\t6\n1\t16\n1\t14\t5\n2\tx\t1\n");
        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, f));
        Assert.Equal(2, ex.Line);
        Assert.Contains("Rating", ex.Field);
        var (d, report) = ImportRunner.Run(Sut, ErrorMode.Lenient, f);
        Assert.Equal(1, d.Ratings.Count);
        Assert.Equal(1, report.Faults["value out of range"]);
        Assert.Equal(1, report.Faults["wrong field count"]);
        Assert.Equal(1, report.Faults["bad number"]);
        Assert.Equal(1, report.Removed["exact duplicate row"]);
    }

    [Fact]
    public void Import_CommaFile_SaysTabWasExpected()
    {
        using var t = new TempFolder();
        var f = t.File("r3-train.txt", "1,14,5\n");
        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, f));
        Assert.Contains("expected 3 fields separated by tab but found 1", ex.Message);
    }

    [Fact]
    public void Import_TruncatedGzipEmptyAndMissing_Handled()
    {
        using var t = new TempFolder();
        var body = string.Concat(Enumerable.Range(0, 20000).Select(i => $"{i % 300}\t{i % 1000}\t{1 + i % 5}\n"));
        var gz = t.Gzip("r3-train.txt.gz", body, truncate: true);
        Assert.Contains("truncated", Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Lenient, gz)).Message);
        Assert.Equal(0, ImportRunner.Run(Sut, ErrorMode.Strict, t.File("e-train.txt", "")).Data.Ratings.Count);
        Assert.Contains("not found", Assert.Throws<FileNotFoundException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, "/nope/r3.txt")).Message);
    }
}
