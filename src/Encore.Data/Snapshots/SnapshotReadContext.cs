using Encore.Core.Errors;

namespace Encore.Data.Snapshots;

/// <summary>
/// Opens the tables of a snapshot folder for the readers: checks each file's SHA-256 against the manifest and
/// its row count, and turns any failure inside the Parquet library into a <see cref="ModelFormatException"/>
/// naming the file.
/// </summary>
internal sealed class SnapshotReadContext(string folder, SnapshotManifest manifest, CancellationToken ct)
{
    public SnapshotManifest Manifest { get; } = manifest;

    public async Task<T> ReadTableAsync<T>(string table, Func<ParquetTableReader, Task<T>> read)
    {
        ct.ThrowIfCancellationRequested();
        var entry = Manifest.Find(table)!;
        var path = Path.Combine(folder, entry.File);
        if (!File.Exists(path)) throw new ModelFormatException($"{path}: snapshot table file is missing.");
        var bytes = await File.ReadAllBytesAsync(path, ct);
        var hash = SnapshotHashing.OfBytes(bytes);
        if (!string.Equals(hash, entry.Sha256, StringComparison.OrdinalIgnoreCase))
            throw new ModelFormatException(
                $"{path}: file is corrupt or was changed: its SHA-256 is {hash} but manifest.json says {entry.Sha256}.");
        try
        {
            await using var reader = await ParquetTableReader.OpenAsync(path, bytes, ct);
            if (reader.RowCount != entry.Rows)
                throw new ModelFormatException($"{path}: has {reader.RowCount} rows but manifest.json says {entry.Rows}.");
            return await read(reader);
        }
        catch (Exception ex) when (ex is not ModelFormatException and not OperationCanceledException)
        {
            throw new ModelFormatException($"{path}: not a readable Parquet snapshot table ({ex.Message}).", ex);
        }
    }

    /// <summary>Checks the explicit index column equals the row number (dense order is the id map order).</summary>
    public static void CheckDense(ParquetTableReader reader, int[] indices, string column)
    {
        for (var i = 0; i < indices.Length; i++)
            if (indices[i] != i)
                throw new ModelFormatException($"{reader.File}: column '{column}': row {i} holds {indices[i]}; rows must be in dense index order.");
    }

    public static void CheckNoNulls(ParquetTableReader reader, string?[] ids, string column)
    {
        for (var i = 0; i < ids.Length; i++)
            if (ids[i] is null) throw new ModelFormatException($"{reader.File}: column '{column}': row {i} is null; ids are required.");
    }
}
