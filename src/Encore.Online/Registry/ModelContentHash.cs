using System.Security.Cryptography;

namespace Encore.Online.Registry;

/// <summary>
/// The content hash the registry records for every model version: SHA-256 (FIPS 180-4) of the model file's bytes,
/// as 64 lowercase hexadecimal characters. Two files with the same hash are the same model, wherever they lie.
/// </summary>
public static class ModelContentHash
{
    /// <summary>The hash of the file at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static string OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The hash of the file at <paramref name="path"/>, or null when there is no such file.</summary>
    public static string? OfFileIfPresent(string path)
    {
        try
        {
            return File.Exists(path) ? OfFile(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The first 12 characters, for log lines and messages.</summary>
    public static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
