namespace Encore.Online.Store;

/// <summary>
/// Model files by content hash inside a shared store (PostgreSQL table model_blobs), so every process on the store
/// can load every registered version without a shared file system. The SQLite store has none: one process owns it
/// and the registered path is the copy.
/// </summary>
public interface IModelBlobStore
{
    /// <summary>True when the bytes of <paramref name="contentHash"/> are stored.</summary>
    bool HasBlob(string contentHash);

    /// <summary>Stores the file's bytes under <paramref name="contentHash"/> (nothing happens when they are stored already).</summary>
    /// <param name="contentHash">The file's SHA-256 (<see cref="Registry.ModelContentHash"/>); the caller computed it.</param>
    /// <param name="path">The model file (at most 1 GiB: PostgreSQL's bytea limit).</param>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="ArgumentException">The file is larger than 1 GiB.</exception>
    void PutBlob(string contentHash, string path);

    /// <summary>Writes the stored bytes of <paramref name="contentHash"/> to <paramref name="destination"/>.</summary>
    /// <returns>False when the store holds no such blob (nothing written).</returns>
    bool CopyBlob(string contentHash, Stream destination);
}
