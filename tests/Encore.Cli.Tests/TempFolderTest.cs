namespace Encore.Cli.Tests;

/// <summary>
/// Base of the CLI test classes that write files: each test gets its own temp folder (xUnit creates the class once per
/// test), deleted after it.
/// </summary>
/// <param name="prefix">Start of the folder's name, e.g. "encore-trial-".</param>
public abstract class TempFolderTest(string prefix) : IDisposable
{
    /// <summary>The test's folder.</summary>
    protected string Dir { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>Writes <paramref name="text"/> (UTF-8) to <paramref name="name"/> in the folder; returns its path.</summary>
    protected string Write(string name, string text)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        Directory.Delete(Dir, recursive: true);
        GC.SuppressFinalize(this);
    }
}
