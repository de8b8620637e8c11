using Encore.Online.Store;

namespace Encore.Online.Registry;

/// <summary>
/// Finds the bytes of a registered version by its content hash (<see cref="ModelVersionInfo.ContentHash"/>): the
/// registered path when the file there has that hash, else this process's cache (cacheDirectory/&lt;hash&gt;.bin), else a
/// copy fetched from a store that keeps model bytes (<see cref="IModelBlobStore"/>, PostgreSQL), checked and then
/// moved into the cache. A version with no such file anywhere is refused, never loaded from a file that differs.
/// Versions registered before hashes were recorded (no hash) load from their path unchecked.
/// </summary>
internal sealed class ModelFileResolver(IModelStore store, string cacheDirectory)
{
    /// <summary>Raised after a version's bytes were fetched from the store into the cache (version, cache path).</summary>
    public event Action<ModelVersionInfo, string>? Fetched;

    /// <summary>The path of a file whose bytes have the version's content hash.</summary>
    /// <exception cref="OnlineRequestException">Conflict: no such file here and the store holds no copy (the message says which file differs or is missing).</exception>
    public string Resolve(ModelVersionInfo info)
    {
        if (info.ContentHash is not { } hash) return info.Path;
        var local = ModelContentHash.OfFileIfPresent(info.Path);
        if (local == hash) return info.Path;
        var cached = Path.Combine(Path.GetFullPath(cacheDirectory), hash + ".bin");
        if (ModelContentHash.OfFileIfPresent(cached) == hash) return cached;
        var why = local is null
            ? $"{info.Path} is missing here"
            : $"{info.Path} here has SHA-256 {ModelContentHash.Short(local)}…, not the registered {ModelContentHash.Short(hash)}…";
        if (store is not IModelBlobStore blobs)
            throw OnlineRequestException.Conflict("version", $"Version {info.Version} of '{info.Name}' cannot be loaded: {why}, and the store keeps no model bytes (SQLite); restore the file or register it again.");
        Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
        var partial = $"{cached}.{Environment.ProcessId}.{Guid.NewGuid():N}.part";
        try
        {
            bool found;
            using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                found = blobs.CopyBlob(hash, file);
            if (!found)
                throw OnlineRequestException.Conflict("version", $"Version {info.Version} of '{info.Name}' cannot be loaded: {why}, and the store holds no copy of SHA-256 {ModelContentHash.Short(hash)}… (registered by an older build?); register the file again.");
            var fetched = ModelContentHash.OfFile(partial);
            if (fetched != hash)
                throw OnlineRequestException.Conflict("version", $"Version {info.Version} of '{info.Name}' cannot be loaded: the store's copy has SHA-256 {ModelContentHash.Short(fetched)}…, not the registered {ModelContentHash.Short(hash)}… (the store is damaged).");
            // Several processes may fetch the same hash into one cache folder at once: each writes its own part file and
            // the rename is atomic, so a reader sees a whole file (identical bytes, whichever rename came last).
            File.Move(partial, cached, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
        Fetched?.Invoke(info, cached);
        return cached;
    }
}
