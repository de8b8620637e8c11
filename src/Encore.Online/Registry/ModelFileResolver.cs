using Encore.Online.Store;

namespace Encore.Online.Registry;

/// <summary>
/// Finds the bytes of a registered version by its content hash (<see cref="ModelVersionInfo.ContentHash"/>) and
/// returns a file this process owns: its cache copy (cacheDirectory/&lt;hash&gt;.bin) when that has the hash, else a
/// copy of the registered path taken into the cache when the file there has the hash, else a copy fetched from a
/// store that keeps model bytes (<see cref="IModelBlobStore"/>, PostgreSQL). Each copy is written to a part file,
/// hashed while written, and renamed into place. A version with no such file anywhere is refused, never loaded from
/// a file that differs. Versions registered before hashes were recorded (no hash) load from their path unchecked.
/// Serving the private copy matters because model files are memory-mapped: a file truncated or rewritten in place at
/// the registered path (<c>cp other.bin model.bin</c>, <c>truncate</c>) would otherwise change the mapped pages under
/// running requests or kill the process with a bus error (found by s13-user2); the cache is the service's own folder.
/// </summary>
internal sealed class ModelFileResolver(IModelStore store, string cacheDirectory)
{
    /// <summary>Raised after a version's bytes were fetched from the store into the cache (version, cache path).</summary>
    public event Action<ModelVersionInfo, string>? Fetched;

    /// <summary>The path of a file in the cache (this process's own) whose bytes have the version's content hash.</summary>
    /// <exception cref="OnlineRequestException">Conflict: no such file here and the store holds no copy (the message says which file differs or is missing).</exception>
    public string Resolve(ModelVersionInfo info)
    {
        if (info.ContentHash is not { } hash) return info.Path;
        var cached = Path.Combine(Path.GetFullPath(cacheDirectory), hash + ".bin");
        if (ModelContentHash.OfFileIfPresent(cached) == hash) return cached;
        var local = CopyIfMatching(info.Path, hash, cached);
        if (local == hash) return cached;
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

    // Copies `path` into `cached` when its bytes hash to `hash` (hashed in the same pass, so a file changed during the
    // copy is caught); returns the hash of what was read, or null when there is no readable file at `path`.
    private static string? CopyIfMatching(string path, string hash, string cached)
    {
        if (!File.Exists(path)) return null;
        Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
        var partial = $"{cached}.{Environment.ProcessId}.{Guid.NewGuid():N}.part";
        try
        {
            string read;
            using (var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
            using (var target = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256))
            {
                var buffer = new byte[1 << 20];
                int n;
                while ((n = source.Read(buffer, 0, buffer.Length)) > 0)
                {
                    sha.AppendData(buffer, 0, n);
                    target.Write(buffer, 0, n);
                }
                read = Convert.ToHexStringLower(sha.GetHashAndReset());
            }
            if (read == hash) File.Move(partial, cached, overwrite: true);
            return read;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
