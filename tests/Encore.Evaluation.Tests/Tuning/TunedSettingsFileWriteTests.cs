using Encore.Evaluation.Tuning;

namespace Encore.Evaluation.Tests.Tuning;

public sealed class TunedSettingsFileWriteTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-tuned-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// Session 12 (two commands at once): every writer used the one temporary name <c>tuned.ini.tmp</c>, so a second
    /// <c>encore tune -o tuned.ini</c> failed or wrote into the first one's half-written file.
    /// </summary>
    [Fact]
    public void Write_AnotherWriterMidWrite_WritesItsOwnFileWhole()
    {
        var path = Path.Combine(_dir, "tuned.ini");
        using var other = new FileStream(path + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None);
        var sections = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["als"] = new Dictionary<string, string> { ["factors"] = "64" } };

        TunedSettingsFile.Write(path, sections, ["tuned"]);

        Assert.Equal("64", TunedSettingsFile.Read(path)["als"]["factors"]);
        Assert.Equal([path, path + ".tmp"], Directory.GetFiles(_dir).Order(StringComparer.Ordinal));
    }
}
