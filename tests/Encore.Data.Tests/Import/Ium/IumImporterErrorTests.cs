using System.Text;
using Encore.Core.Errors;
using Encore.Data.Import;
using Encore.Data.Import.Ium;

namespace Encore.Data.Tests.Import.Ium;

public sealed class IumImporterErrorTests
{
    private static void Import(string root, ErrorMode mode, ImportReport? report = null) =>
        new IumImporter().Import([root], new ImportOptions { Mode = mode }, report ?? new ImportReport(mode));

    private static byte[] SessionsWithBadByte()
    {
        var good = Encoding.UTF8.GetBytes(IumFixture.Sessions[0] + "\n");
        var bad = Encoding.UTF8.GetBytes("""{"user_id": 1, "track_id": "t1X", "event_type": "play", "timestamp": "2023-01-03T05:14:02", "session_id": 1}""" + "\n");
        bad[Array.IndexOf(bad, (byte)'X')] = 0xFF;
        return [.. good, .. bad, .. good];
    }

    [Fact]
    public void Import_InvalidUtf8Strict_ThrowsWithLineNumber()
    {
        using var folder = new JsonFixtureFolder();
        IumFixture.WriteAll(folder);
        folder.WriteBytes("sessions.jsonl", SessionsWithBadByte());

        var ex = Assert.Throws<DataFormatException>(() => Import(folder.Root, ErrorMode.Strict));

        Assert.Equal(2, ex.Line);
        Assert.Contains("invalid UTF-8 at byte 31", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_InvalidUtf8Lenient_CountsFaultAndKeepsOtherLines()
    {
        using var folder = new JsonFixtureFolder();
        IumFixture.WriteAll(folder);
        folder.WriteBytes("sessions.jsonl", SessionsWithBadByte());
        var report = new ImportReport(ErrorMode.Lenient);

        Import(folder.Root, ErrorMode.Lenient, report);

        Assert.Equal(1, report.Faults[IumRules.InvalidUtf8("sessions")]);
        Assert.Equal(1, report.Counts[IumRules.EventsKept]);
        Assert.Equal(1, report.Removed[IumRules.DuplicateEvent]);
    }

    [Fact]
    public void Import_JsonSyntaxErrorStrict_ThrowsWithLine()
    {
        using var folder = new JsonFixtureFolder();
        IumFixture.WriteAll(folder, [IumFixture.Sessions[0], """{"user_id": 1 "track_id": "t1"}"""]);

        var ex = Assert.Throws<DataFormatException>(() => Import(folder.Root, ErrorMode.Strict));

        Assert.Equal(2, ex.Line);
        Assert.Contains("not one valid JSON object", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_TrailingGarbageAfterObject_IsMalformed()
    {
        using var folder = new JsonFixtureFolder();
        IumFixture.WriteAll(folder, [IumFixture.Sessions[0] + " 42"]);
        var report = new ImportReport(ErrorMode.Lenient);

        Import(folder.Root, ErrorMode.Lenient, report);

        Assert.Equal(1, report.Faults[IumRules.Malformed("sessions")]);
    }

    [Fact]
    public void Import_TruncatedGzip_ThrowsDataFormatException()
    {
        using var folder = new JsonFixtureFolder();
        IumFixture.WriteAll(folder);
        var lines = Enumerable.Range(0, 20_000).Select(i => IumFixture.Sessions[0].Replace("\"session_id\": 10", $"\"session_id\": {i}", StringComparison.Ordinal));
        var gz = JsonFixtureFolder.Gzip(string.Join("\n", lines));
        File.Delete(Path.Combine(folder.Root, "sessions.jsonl"));
        folder.WriteBytes("sessions.jsonl.gz", gz[..(gz.Length / 2)]);

        var ex = Assert.Throws<DataFormatException>(() => Import(folder.Root, ErrorMode.Lenient));

        Assert.EndsWith("sessions.jsonl.gz", ex.File, StringComparison.Ordinal);
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_EmptySessionsFile_GivesNoEventsAndAWarning()
    {
        using var folder = new JsonFixtureFolder();
        IumFixture.WriteAll(folder);
        folder.Write("sessions.jsonl", "");
        var report = new ImportReport(ErrorMode.Strict);

        var data = new IumImporter().Import([folder.Root], new ImportOptions(), report);

        Assert.Equal(0, data.Events.Count);
        Assert.Equal(4, data.Tracks.Count);
        Assert.Contains(report.Warnings, w => w.Contains("sessions.jsonl: file is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_MissingFile_ThrowsFileNotFound()
    {
        using var folder = new JsonFixtureFolder();
        var missing = Path.Combine(folder.Root, "sessions.jsonl");

        var ex = Assert.Throws<FileNotFoundException>(() => new IumImporter().Import([missing], new ImportOptions(), new ImportReport()));

        Assert.Equal(missing, ex.FileName);
        Assert.Contains("file not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_FolderWithoutSessions_SaysWhatIsMissing()
    {
        using var folder = new JsonFixtureFolder();
        folder.WriteLines("users.jsonl", IumFixture.Users);

        var ex = Assert.Throws<DataFormatException>(() => Import(folder.Root, ErrorMode.Lenient));

        Assert.Contains("no sessions.jsonl", ex.Message, StringComparison.Ordinal);
    }
}
