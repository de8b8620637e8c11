using Encore.Core.Errors;
using Encore.Data.Import;
using Encore.Data.Import.Ium;
using Encore.Data.Import.LastFm1K;
using Encore.Data.Import.Table;
using Encore.Data.Tests.Import.Ium;

namespace Encore.Data.Tests.Import.Faults;

/// <summary>
/// Every imported id must be one the event API accepts (at most 256 characters, no control character by
/// <see cref="char.IsControl(char)"/>, C1 included), or the user could never send feedback for that user or
/// track: Last.fm-1K once keyed tracks without MBID by "artist&lt;TAB&gt;track", and the table importer took
/// a 3 MB id.
/// </summary>
public sealed class ApiIdRuleTests
{
    private const string Log = "userid-timestamp-artid-artname-traid-traname.tsv";

    private static readonly Dictionary<string, string> UserItem = new() { ["user"] = "user", ["item"] = "item" };

    [Fact]
    public void LastFm1K_TrackWithoutMbid_KeyHasNoControlCharacter()
    {
        using var t = new TempFolder();
        var f = t.File(Log, "u1\t2009-05-04T23:08:57Z\t\tUnknown Band\t\tSong\n");

        var (d, _) = ImportRunner.Run(new LastFm1KImporter(), ErrorMode.Strict, f);

        Assert.Equal(["Unknown Band\u241FSong"], d.Tracks.Ids);
        Assert.All(d.Tracks.Ids, id => Assert.DoesNotContain(id, c => char.IsControl(c)));
    }

    [Fact]
    public void LastFm1K_NameKeyLongerThanTheApiLimit_IsAFaultNamingTheTrackName()
    {
        using var t = new TempFolder();
        var f = t.File(Log, $"u1\t2009-05-04T23:08:57Z\t\tBand\t\t{new string('x', 252)}\nu1\t2009-05-04T23:08:58Z\t\tBand\t\t{new string('y', 251)}\n");

        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(new LastFm1KImporter(), ErrorMode.Strict, f));
        var (d, report) = ImportRunner.Run(new LastFm1KImporter(), ErrorMode.Lenient, f);

        Assert.Equal(1, ex.Line);
        Assert.Contains("track name", ex.Field, StringComparison.Ordinal);
        Assert.Contains("is 257 characters long; an id may have at most 256", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, report.TotalFaults);
        Assert.Equal(["Band\u241F" + new string('y', 251)], d.Tracks.Ids);
    }

    [Fact]
    public void Table_IdLongerThan256Characters_IsARowFault()
    {
        using var t = new TempFolder();
        var f = t.File("log.csv", $"user,item\nu1,{new string('a', 256)}\nu2,{new string('b', 257)}\nu3,t3\n");

        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(new TableImporter(), ErrorMode.Strict, UserItem, f));
        var (d, report) = ImportRunner.Run(new TableImporter(), ErrorMode.Lenient, UserItem, f);

        Assert.Equal(3, ex.Line);
        Assert.Contains("item", ex.Field, StringComparison.Ordinal);
        Assert.Contains("at most 256 characters", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, report.TotalFaults);
        Assert.Equal([new string('a', 256), "t3"], d.Tracks.Ids);
    }

    [Fact]
    public void Table_IdWithC1ControlCharacter_IsARowFault()
    {
        using var t = new TempFolder();
        var f = t.File("log.csv", "user,item\nu1,t1\nu2,caf\u0085\nu3,t3\n");

        var (d, report) = ImportRunner.Run(new TableImporter(), ErrorMode.Lenient, UserItem, f);

        Assert.Equal(1, report.TotalFaults);
        Assert.Equal(["t1", "t3"], d.Tracks.Ids);
    }

    [Fact]
    public void Ium_TrackIdLongerThan256Characters_IsARowFault()
    {
        using var folder = new JsonFixtureFolder();
        IumFixture.WriteAll(folder);
        string[] tracks = [.. IumFixture.Tracks, $$"""{"id": "{{new string('t', 300)}}", "name": "Long", "id_artist": "a1"}"""];
        folder.WriteLines("tracks.jsonl", tracks);

        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(new IumImporter(), ErrorMode.Strict, folder.Root));
        var (d, report) = ImportRunner.Run(new IumImporter(), ErrorMode.Lenient, folder.Root);

        Assert.Equal("id", ex.Field);
        Assert.Contains("is 300 characters long", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, report.Faults[IumRules.BadTrackId]);
        Assert.Equal(["t1", "t2", "t3", "t4"], d.Tracks.Ids);
    }
}
