using System.Security.Cryptography;

namespace Encore.Cli.Commands;

/// <summary>
/// The demo's working folder: what a run replaces (so a second run does not add a second copy of every run
/// and model) and the write key it keeps. Only the demo's own files are touched, never the whole folder.
/// </summary>
internal static class DemoFolder
{
    private static readonly string[] Folders = ["world", "models", "service-models"];

    private static readonly string[] Files = ["encore.db", "encore-service.db", "report.html"];

    /// <summary>The file holding the demo's API key (write and admin), one line.</summary>
    public static string KeyPath(string output) => Path.Combine(output, "api-key.txt");

    /// <summary>Deletes the previous demo's dataset, stores (with their SQLite journals), models and report.</summary>
    public static void Reset(string output)
    {
        Directory.CreateDirectory(output);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var folder in Folders)
        {
            var path = Path.Combine(output, folder);
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
        foreach (var file in Files)
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(Path.Combine(output, file + suffix));
    }

    /// <summary>The demo's key: read from <see cref="KeyPath"/>, or generated (32 random bytes, URL-safe Base64) and stored there.</summary>
    public static string WriteKey(string output)
    {
        var path = KeyPath(output);
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length >= 16) return existing;
        }
        var key = "demo-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        File.WriteAllText(path, key + Environment.NewLine);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }
}
