using System.Text;

namespace Encore.Core.Files;

/// <summary>
/// Replaces a file as a whole: the content goes to a temporary sibling named for this process and write
/// (<c>.name.pid.guid.tmp</c>), which is then renamed over the target. A reader sees the old file or the new one;
/// two writers at once each write their own temporary file (the last rename wins) instead of writing into one
/// shared <c>name.tmp</c>; a failed write removes its temporary file.
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Refuses a target that is an existing folder (<c>-o results/</c>), which the rename would only report as
    /// "Is a directory" after the work is done. Commands call it before their work too.
    /// </summary>
    /// <param name="path">The file to be written.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is a folder; the message names it and suggests a file in it.</exception>
    public static void CheckTarget(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
            throw new ArgumentException($"{Path.GetFullPath(path)} is a folder; name the file to write (e.g. {Path.Combine(path, "<name>")}).");
    }

    /// <summary>A temporary path beside <paramref name="fullPath"/> that no other write uses.</summary>
    /// <param name="fullPath">The absolute target path.</param>
    /// <exception cref="ArgumentException"><paramref name="fullPath"/> is a folder.</exception>
    public static string TempSibling(string fullPath)
    {
        CheckTarget(fullPath);
        var directory = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{fullPath}' has no parent folder.", nameof(fullPath));
        return Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8 without a byte order mark) to <paramref name="path"/>, creating its folder.</summary>
    /// <exception cref="IOException">The write or the rename failed; the target is unchanged and no temporary file is left.</exception>
    public static void WriteAllText(string path, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(text);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = TempSibling(full);
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
