using System.Security.Cryptography;
using System.Text;

namespace Encore.Data.Snapshots;

/// <summary>SHA-256 of files and of the whole snapshot (the hash of the table hashes in fixed order).</summary>
internal static class SnapshotHashing
{
    public static string OfBytes(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Hash of "name:sha256\n" lines in the given (fixed) order, so it ignores the creation time.</summary>
    public static string OfTables(IReadOnlyList<SnapshotTableEntry> tables)
    {
        var text = new StringBuilder();
        foreach (var t in tables) text.Append(t.Name).Append(':').Append(t.Sha256).Append('\n');
        return OfBytes(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
