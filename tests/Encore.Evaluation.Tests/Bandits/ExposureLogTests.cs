using Encore.Core.Errors;
using Encore.Evaluation.Bandits;

namespace Encore.Evaluation.Tests.Bandits;

public sealed class ExposureLogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-exposure-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Read_R3TabSeparated_RowsInFileOrder()
    {
        var sut = ExposureLog.Read(Write("test.txt", "1\t14\t5\n1\t20\t2\n\n2\t14\t4\n"));
        Assert.Equal(ExposureLogFormat.YahooR3, sut.Format);
        Assert.Equal(4, sut.DefaultThreshold);
        Assert.Equal([("1", "14", 5.0, 1L), ("1", "20", 2.0, 2L), ("2", "14", 4.0, 4L)], sut.Rows.Select(r => (r.User, r.Item, r.Value, r.Line)));
    }

    [Fact]
    public void Read_R3CsvWithHeader_SkipsTheHeader()
    {
        var sut = ExposureLog.Read(Write("test.csv", "user,song,rating\nu1,s1,3\n"));
        Assert.Equal([("u1", "s1", 3.0)], sut.Rows.Select(r => (r.User, r.Item, r.Value)));
    }

    [Fact]
    public void Read_Piki_KeepsOnlyRandomlyShownRows()
    {
        var path = Write("piki.csv", "timestamp,user_id,song_id,liked,personalized,Spotify_popularity\n" +
            "2020-01-01 00:00:00,7,100,1,0,50\n2020-01-01 00:00:01,7,101,0,1,50\n2020-01-01 00:00:02,8,100,2,0,50\n");
        var sut = ExposureLog.Read(path);
        Assert.Equal(ExposureLogFormat.Piki, sut.Format);
        Assert.Equal(1, sut.DefaultThreshold);
        Assert.Equal(1, sut.SkippedRows);
        Assert.Equal([("7", "100", 1.0, 2L), ("8", "100", 2.0, 4L)], sut.Rows.Select(r => (r.User, r.Item, r.Value, r.Line)));
    }

    [Fact]
    public void Read_ShortRows_NameEveryMissingColumn()
    {
        var r3 = Assert.Throws<DataFormatException>(() => ExposureLog.Read(Write("short.txt", "1\t14\t5\n1\n")));
        var piki = Assert.Throws<DataFormatException>(() => ExposureLog.Read(Write("short.csv",
            "timestamp,user_id,song_id,liked,personalized\n2020-01-01 00:00:00,7,100,1,0\n2020-01-01 00:00:01,7,101\n")));

        Assert.Equal(("song (field 2), rating (field 3)", 2L), (r3.Field, r3.Line));
        Assert.Contains("got 1; missing: song (field 2), rating (field 3).", r3.Message, StringComparison.Ordinal);
        Assert.Equal(("liked (field 4), personalized (field 5)", 3L), (piki.Field, piki.Line));
    }

    [Fact]
    public void Read_BadRating_NamesFileLineAndField()
    {
        var path = Write("bad.txt", "1\t14\t5\n1\t15\tfive\n");
        var error = Assert.Throws<DataFormatException>(() => ExposureLog.Read(path));
        Assert.Equal(2, error.Line);
        Assert.Equal("rating", error.Field);
        Assert.Contains("bad.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WrongFieldCount_And_ControlCharacters_AreBadData()
    {
        Assert.Equal(1, Assert.Throws<DataFormatException>(() => ExposureLog.Read(Write("a.txt", "1\t14\n"))).Line);
        var error = Assert.Throws<DataFormatException>(() => ExposureLog.Read(Write("b.txt", "1\t14\t5\nu\u0001\t2\t3\n")));
        Assert.Equal(("user", 2L), (error.Field, error.Line));
    }

    [Fact]
    public void Read_PikiWithoutPersonalizedZeroRows_SaysSo()
    {
        var path = Write("p.csv", "user_id,song_id,liked,personalized\n1,2,1,1\n");
        var error = Assert.Throws<DataFormatException>(() => ExposureLog.Read(path));
        Assert.Contains("personalized", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_Throws() =>
        Assert.Throws<FileNotFoundException>(() => ExposureLog.Read(Path.Combine(_dir, "none.txt")));
}
