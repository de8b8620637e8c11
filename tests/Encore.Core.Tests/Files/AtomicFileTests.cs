using Encore.Core.Files;

namespace Encore.Core.Tests.Files;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void WriteAllText_ReplacesTheFileAndLeavesNoTemporaryFile()
    {
        var path = Path.Combine(_dir, "sub", "report.html");
        AtomicFile.WriteAllText(path, "old");

        AtomicFile.WriteAllText(path, "new ü");

        Assert.Equal("new ü", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    /// <summary>Another command writing the same target (session 12: two commands at once) holds its own temporary file.</summary>
    [Fact]
    public void WriteAllText_AnotherWriterMidWrite_DoesNotShareItsTemporaryFile()
    {
        var path = Path.Combine(_dir, "tuned.ini");
        using var other = new FileStream(path + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None);

        AtomicFile.WriteAllText(path, "mine");

        Assert.Equal("mine", File.ReadAllText(path));
    }

    /// <summary><c>encore report ... -o results/</c> (an existing folder) failed with "Is a directory : '...'" after the work.</summary>
    [Fact]
    public void WriteAllText_TargetIsAFolder_ThrowsNamingItAndLeavesItAlone()
    {
        var folder = Path.Combine(_dir, "results");
        Directory.CreateDirectory(folder);

        var error = Assert.Throws<ArgumentException>(() => AtomicFile.WriteAllText(folder, "x"));

        Assert.StartsWith($"{folder} is a folder; name the file to write", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
        Assert.Equal([folder], Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void TempSibling_TwoCalls_DifferAndStayInTheFolder()
    {
        var path = Path.Combine(_dir, "model.bin");

        var (a, b) = (AtomicFile.TempSibling(path), AtomicFile.TempSibling(path));

        Assert.NotEqual(a, b);
        Assert.Equal(_dir, Path.GetDirectoryName(a));
    }
}
