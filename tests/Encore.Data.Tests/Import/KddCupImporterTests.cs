using Encore.Core.Errors;
using Encore.Data.Import;
using Encore.Data.Import.KddCup;
using Encore.Data.Model;

namespace Encore.Data.Tests.Import;

public sealed class KddCupImporterTests
{
    private static readonly KddCupImporter Sut = new();

    private static void WriteCatalogue(TempFolder t)
    {
        t.File("genreData2.txt", "81520\n242383\n");
        t.File("artistData2.txt", "158282\n");
        t.File("albumData2.txt", "6|158282|81520|242383\n103|None\n");
        t.File("trackData2.txt", "1|6|158282|81520\n2|None|None\n3|103|158282|242383|81520\n");
    }

    [Fact]
    public void Import_Folder_ResolvesItemKindsAndLinks()
    {
        using var t = new TempFolder();
        WriteCatalogue(t);
        t.File("trainIdx2.txt", "7|4\n1\t90\n6\t50\t12:00:00\n158282\t0\n81520\t100\n8|1\n3\t70\n");
        t.File("testIdx2.txt", "7|2\n2\n3\n");
        var (d, _) = ImportRunner.Run(Sut, ErrorMode.Strict, t.Path);

        Assert.Equal(["81520", "242383"], d.Genres.Ids);
        Assert.Equal(["158282"], d.Artists.Ids);
        Assert.Equal(["6", "103"], d.Albums.Ids);
        Assert.Equal(["1", "2", "3"], d.Tracks.Ids);
        Assert.Equal([0, Missing.Id], d.AlbumInfo.Artists);
        Assert.Equal([0, 1], d.AlbumInfo.Genres[0].ToArray());
        Assert.Equal([0, Missing.Id, 1], d.TrackInfo.Albums);
        Assert.Equal([0, Missing.Id, 0], d.TrackInfo.Artists);
        Assert.Equal([1, 0], d.TrackInfo.Genres[2].ToArray());

        Assert.Equal(["7", "8"], d.Users.Ids);
        Assert.Equal([EntityLevel.Track, EntityLevel.Album, EntityLevel.Artist, EntityLevel.Genre, EntityLevel.Track], d.Ratings.Levels);
        Assert.Equal([0, 0, 0, 0, 2], d.Ratings.Targets);
        Assert.Equal([90f, 50f, 0f, 100f, 70f], d.Ratings.Values);
        Assert.Equal([0, 0, 0, 0, 1], d.Ratings.Users);

        Assert.Equal([0, 0], d.Candidates.Users);
        Assert.Equal([1, 2], d.Candidates.Tracks);
        Assert.Equal([(sbyte)-1, (sbyte)-1], d.Candidates.Labels);
    }

    [Fact]
    public void Import_UnknownItem_FaultsWithLine()
    {
        using var t = new TempFolder();
        WriteCatalogue(t);
        t.File("trainIdx2.txt", "7|2\n1\t90\n999\t50\n");
        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, t.Path));
        Assert.Equal(3, ex.Line);
        Assert.Contains("unknown item", ex.Message);
        var (d, report) = ImportRunner.Run(Sut, ErrorMode.Lenient, t.Path);
        Assert.Equal(1, d.Ratings.Count);
        Assert.Equal(1, report.Faults["unknown reference"]);
    }

    [Fact]
    public void Import_BlockShorterThanDeclared_FaultsNamingHeaderLine()
    {
        using var t = new TempFolder();
        WriteCatalogue(t);
        t.File("trainIdx2.txt", "7|3\n1\t90\n8|1\n3\t70\n9|2\n2\t10\n");
        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, t.Path));
        Assert.Equal(1, ex.Line);
        Assert.Contains("2 more item line(s)", ex.Message);
        var (d, report) = ImportRunner.Run(Sut, ErrorMode.Lenient, t.Path);
        Assert.Equal(3, d.Ratings.Count);
        Assert.Equal(2, report.Faults["malformed line"]);
        Assert.Contains(report.Examples, e => e.Contains("trainIdx2.txt:5", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_BadScoreAndDuplicate_CountedWhenLenient()
    {
        using var t = new TempFolder();
        WriteCatalogue(t);
        t.File("trainItem2.txt", "7|4\n1\t101\n1\tx\n2\t5\n2\t5\n");
        var (d, report) = ImportRunner.Run(Sut, ErrorMode.Lenient, t.Path);
        Assert.Equal(1, d.Ratings.Count);
        Assert.Equal(2, report.Faults["value out of range"]);
        Assert.Equal(1, report.Removed["exact duplicate row"]);
    }

    [Fact]
    public void Import_CommaCatalogue_SaysPipeWasExpected()
    {
        using var t = new TempFolder();
        t.File("albumData2.txt", "6,158282,81520\n");
        t.File("trackData2.txt", "");
        t.File("trainIdx2.txt", "");
        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, t.Path));
        Assert.Contains("expected 2 fields separated by '|' but found 1", ex.Message);
        Assert.Contains("comma", ex.Message);
    }

    [Fact]
    public void Import_HierarchyWithoutTestFile_GivesCandidatesAndLinks()
    {
        using var t = new TempFolder();
        WriteCatalogue(t);
        t.File("testTrack_hierarchy.txt", "7|1|6|158282|81520\n7|50|None|158282\n");
        t.File("trainIdx2.txt", "7|1\n1\t90\n");
        var (d, _) = ImportRunner.Run(Sut, ErrorMode.Strict, t.Path);
        Assert.Equal(["1", "2", "3", "50"], d.Tracks.Ids);
        Assert.Equal([0, 3], d.Candidates.Tracks);
        Assert.Equal(0, d.TrackInfo.Artists[3]);
    }

    [Fact]
    public void Import_TruncatedGzipEmptyAndMissing_Handled()
    {
        using var t = new TempFolder();
        WriteCatalogue(t);
        var body = string.Concat(Enumerable.Range(0, 3000).Select(i => $"{i}|2\n1\t{i % 100}\n3\t{(i * 7) % 100}\n"));
        t.Gzip("trainIdx2.txt.gz", body, truncate: true);
        Assert.Contains("truncated", Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Lenient, t.Path)).Message);
        using var e = new TempFolder();
        e.File("trackData2.txt", "");
        e.File("trainIdx2.txt", "");
        Assert.Contains("catalogue files", Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, e.Path)).Message);
        Assert.Contains("not found", Assert.Throws<FileNotFoundException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, "/nope/kdd")).Message);
    }

    [Theory]
    [InlineData(ErrorMode.Strict)]
    [InlineData(ErrorMode.Lenient)]
    public void Import_WithoutTrackAndTrainFiles_NamesEveryMissingFileAndRefuses(ErrorMode mode)
    {
        using var t = new TempFolder();
        t.File("genreData2.txt", "81520\n");
        t.File("testIdx2.txt", "7|1\n1\n");
        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, mode, t.Path));
        Assert.Contains("trackData2.txt", ex.Message);
        Assert.Contains("trainIdx2.txt or trainItem2.txt", ex.Message);
        using var u = new TempFolder();
        WriteCatalogue(u);
        var only = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, mode, u.Path));
        Assert.DoesNotContain("trackData2.txt", only.Message);
        Assert.Contains("trainIdx2.txt", only.Message);
    }

    [Fact]
    public void Import_LabelledTestFile_KeepsLabelsAndRejectsOthers()
    {
        using var t = new TempFolder();
        WriteCatalogue(t);
        t.File("trainIdx2.txt", "7|1\n1\t90\n");
        t.File("testIdx2.txt", "7|3\n1\t1\n2\t0\n3\n");
        var (d, report) = ImportRunner.Run(Sut, ErrorMode.Strict, t.Path);
        Assert.Equal([(sbyte)1, (sbyte)0, (sbyte)-1], d.Candidates.Labels);
        Assert.Empty(report.Warnings);
        t.File("testIdx2.txt", "7|1\n1\t2\n");
        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(Sut, ErrorMode.Strict, t.Path));
        Assert.Contains("Label", ex.Message);
    }
}
