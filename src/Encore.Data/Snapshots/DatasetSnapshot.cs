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
        var temp = AtomicFolder.CreateTempSibling(folder);
        try
        {
            var manifest = await SnapshotWriter.WriteAsync(dataset, new SnapshotWriteContext(temp, hooks.WrapStream, ct), time);
            AtomicFolder.Swap(temp, folder, hooks.AfterBackup);
            return manifest;
        }
        catch
        {
            AtomicFolder.TryDelete(temp);
            throw;
        }
    }
}
