using Encore.Core.Errors;
using Encore.Data.Model;

namespace Encore.Data.Snapshots;

/// <summary>
/// Saves a <see cref="MusicDataset"/> as a folder of Parquet tables plus <c>manifest.json</c> (readable by DuckDB,
/// Spark, pandas) and loads it back exactly. Writes are atomic: a crash leaves the old or the new snapshot.
/// </summary>
public static class DatasetSnapshot
{
    /// <summary>Writes <paramref name="dataset"/> to <paramref name="folder"/>, replacing any snapshot there.</summary>
    /// <returns>The manifest written (with the content hash).</returns>
    public static SnapshotManifest Write(MusicDataset dataset, string folder, TimeProvider? time = null, CancellationToken ct = default) =>
        WriteAsync(dataset, folder, time, ct).GetAwaiter().GetResult();

    public static Task<SnapshotManifest> WriteAsync(MusicDataset dataset, string folder, TimeProvider? time = null, CancellationToken ct = default) =>
        WriteAsync(dataset, folder, time ?? TimeProvider.System, new SnapshotWriteHooks(), ct);

    /// <summary>
    /// Writes <paramref name="dataset"/> to <paramref name="folder"/> unless that would replace something different:
    /// a snapshot with another content hash, or a non-empty folder that is not a snapshot. Rewriting the same
    /// content is allowed. Pass <paramref name="overwrite"/> to replace anyway (what <c>encore import --force</c> does).
    /// </summary>
    /// <exception cref="ArgumentException">The folder holds different content and <paramref name="overwrite"/> is false (nothing is changed).</exception>
    public static SnapshotManifest WriteNew(MusicDataset dataset, string folder, bool overwrite, TimeProvider? time = null, CancellationToken ct = default) =>
        WriteAsync(dataset, folder, time ?? TimeProvider.System, new SnapshotWriteHooks { RefuseDifferent = !overwrite }, ct).GetAwaiter().GetResult();

    /// <summary>
    /// Refuses, before any import work, an output <see cref="WriteNew"/> would refuse whatever the new content is: a
    /// file, or a non-empty folder that is not a snapshot (a snapshot with other content can only be told once the new
    /// content hash is known). Nothing to refuse when <paramref name="overwrite"/> is set.
    /// </summary>
    /// <exception cref="ArgumentException">The output is a file, or a non-empty folder without a snapshot manifest.</exception>
    public static void CheckNewTarget(string folder, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (overwrite) return;
        if (File.Exists(folder)) throw new ArgumentException($"{Path.GetFullPath(folder)} is a file; expected the output folder of the snapshot.");
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any()) _ = ExistingHash(folder);
    }

    /// <summary>Reads the snapshot in <paramref name="folder"/>, checking the manifest and every file hash.</summary>
    public static MusicDataset Read(string folder, CancellationToken ct = default) => ReadAsync(folder, ct).GetAwaiter().GetResult();

    public static Task<MusicDataset> ReadAsync(string folder, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        AtomicFolder.ThrowIfOnlyBackup(folder);
        return SnapshotReader.ReadAsync(folder, ManifestFile.Load(folder), ct);
    }

    /// <summary>Only the manifest (counts, hashes, provenance) without reading any table.</summary>
    public static SnapshotManifest ReadManifest(string folder)
    {
        AtomicFolder.ThrowIfOnlyBackup(folder);
        return ManifestFile.Load(folder);
    }

    internal static async Task<SnapshotManifest> WriteAsync(MusicDataset dataset, string folder, TimeProvider time,
        SnapshotWriteHooks hooks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        using var writeLock = AtomicFolder.Lock(folder);
        var temp = AtomicFolder.CreateTempSibling(folder);
        try
        {
            var manifest = await SnapshotWriter.WriteAsync(dataset, new SnapshotWriteContext(temp, hooks.WrapStream, ct), time);
            if (hooks.RefuseDifferent) RefuseDifferent(folder, manifest);
            AtomicFolder.Swap(temp, folder, hooks.AfterBackup);
            return manifest;
        }
        catch
        {
            AtomicFolder.TryDelete(temp);
            throw;
        }
    }

    private static void RefuseDifferent(string folder, SnapshotManifest written)
    {
        if (!Directory.Exists(folder) || !Directory.EnumerateFileSystemEntries(folder).Any()) return;
        var existing = ExistingHash(folder);
        if (existing != written.ContentHash)
            throw new ArgumentException($"{Path.GetFullPath(folder)} already holds a different snapshot (content hash {existing[..Math.Min(16, existing.Length)]}, new {written.ContentHash[..16]}); " +
                "choose another output folder, or pass --force to replace it.");
    }

    // The content hash of the snapshot in a non-empty folder; a folder without a readable manifest is refused.
    private static string ExistingHash(string folder)
    {
        try
        {
            return ManifestFile.Load(folder).ContentHash;
        }
        catch (Exception ex) when (ex is EncoreException or IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"{Path.GetFullPath(folder)} exists and is not an Encore snapshot; choose another output folder, or pass --force to replace it.");
        }
    }
}
