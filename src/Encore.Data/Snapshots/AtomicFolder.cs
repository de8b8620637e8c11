using System.Security.Cryptography;
using Encore.Core.Errors;

namespace Encore.Data.Snapshots;

/// <summary>
/// Replaces a folder as a whole: content goes to a temporary sibling first, then old -> backup, temp -> target,
/// backup deleted. A crash at any step leaves the old folder, the new one, or the old one under its backup name
/// (which <see cref="ThrowIfOnlyBackup"/> points the user to).
/// </summary>
internal static class AtomicFolder
{
    private const string TempMarker = ".tmp-";
    private const string BackupMarker = ".bak-";

    private const string LockSuffix = ".lock";

    /// <summary>
    /// Takes the write lock of <paramref name="target"/>: an exclusive lock on <c>name.lock</c> beside it (deleted when
    /// released), so that a second write to the same folder refuses instead of deleting the first one's temporary
    /// folder as stale. Dispose the stream to release it.
    /// </summary>
    /// <exception cref="IOException">Another write (in this or another process) holds the lock; the message names the folder.</exception>
    public static FileStream Lock(string target)
    {
        var full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{target}' has no parent folder.", nameof(target));
        Directory.CreateDirectory(parent);
        try
        {
            return new FileStream(full + LockSuffix, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException ex) when (File.Exists(full + LockSuffix))
        {
            throw new IOException($"{full}: another command is writing this snapshot folder (it holds {full + LockSuffix}); wait for it to finish, or write to another folder.", ex);
        }
    }

    public static string CreateTempSibling(string target)
    {
        var full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{target}' has no parent folder.", nameof(target));
        Directory.CreateDirectory(parent);
        RemoveStaleTemps(full);
        var temp = full + TempMarker + RandomSuffix();
        Directory.CreateDirectory(temp);
        return temp;
    }

    /// <summary>Moves <paramref name="temp"/> into place; <paramref name="afterBackup"/> is a test hook run mid-swap.</summary>
    public static void Swap(string temp, string target, Action? afterBackup = null)
    {
        var full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        string? backup = null;
        if (Directory.Exists(full))
        {
            backup = full + BackupMarker + RandomSuffix();
            Directory.Move(full, backup);
        }
        afterBackup?.Invoke();
        Directory.Move(temp, full);
        if (backup is not null) Directory.Delete(backup, recursive: true);
    }

    /// <summary>
    /// Deletes temporary siblings left by earlier writes to the same target that were killed before they could
    /// clean up (<c>name.tmp-*</c>). Called under <see cref="Lock"/>, so no live write's folder is among them.
    /// </summary>
    public static void RemoveStaleTemps(string target)
    {
        var full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full);
        if (parent is null || !Directory.Exists(parent)) return;
        foreach (var stale in Directory.GetDirectories(parent, Path.GetFileName(full) + TempMarker + "*")) TryDelete(stale);
    }

    public static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a stale temp folder is harmless and never read.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }

    /// <summary>A missing target with a backup beside it means a write was interrupted mid-swap: say so.</summary>
    public static void ThrowIfOnlyBackup(string target)
    {
        var full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        if (Directory.Exists(full)) return;
        var parent = Path.GetDirectoryName(full);
        if (parent is null || !Directory.Exists(parent)) return;
        var backups = Directory.GetDirectories(parent, Path.GetFileName(full) + BackupMarker + "*");
        if (backups.Length == 0) return;
        throw new ModelFormatException(
            $"snapshot folder {full} is missing, but {backups[0]} holds the previous snapshot from an interrupted write; " +
            $"rename it to {Path.GetFileName(full)} (or read it directly) to recover.");
    }

    private static string RandomSuffix() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}
