using System.Buffers.Binary;
using System.IO.Compression;

namespace Encore.Data.Text;

/// <summary>
/// Reads a whole input file (plain, or gzip decompressed) into one exact-size buffer with one allocation: a
/// plain file by its length, a gzip file by the uncompressed length its trailer declares (ISIZE, RFC 1952). For
/// the fast readers, which fall back to the streaming <see cref="InputFile"/> path (and its clear errors) on null.
/// </summary>
internal static class WholeFile
{
    // deflate expands at most ~1032:1; a trailer claiming more is corrupt.
    private const long MaxGzipRatio = 1032;

    /// <summary>The content and its <paramref name="length"/> (the buffer may be one byte longer); null when the file
    /// cannot be read, is over 2 GB, or is a gzip file that is corrupt, truncated or has more than one member.</summary>
    public static byte[]? TryRead(string path, out int length)
    {
        length = 0;
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
            var size = RandomAccess.GetLength(handle);
            if (size >= Array.MaxLength) return null;
            Span<byte> head = stackalloc byte[2];
            var gzip = size >= 18 && RandomAccess.Read(handle, head, 0) == 2 && head[0] == 0x1f && head[1] == 0x8b;
            return gzip ? Gunzip(handle, size, out length) : ReadPlain(handle, (int)size, out length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException)
        {
            return null;
        }
    }

    private static byte[]? ReadPlain(Microsoft.Win32.SafeHandles.SafeFileHandle handle, int size, out int length)
    {
        var buffer = GC.AllocateUninitializedArray<byte>(size);
        length = 0;
        while (length < size)
        {
            var n = RandomAccess.Read(handle, buffer.AsSpan(length), length);
            if (n == 0) return null; // the file shrank while being read
            length += n;
        }
        return buffer;
    }

    private static byte[]? Gunzip(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long size, out int length)
    {
        length = 0;
        Span<byte> trailer = stackalloc byte[4];
        if (RandomAccess.Read(handle, trailer, size - 4) != 4) return null;
        var declared = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        if (declared >= Array.MaxLength || declared > size * MaxGzipRatio) return null;
        // One spare byte: reading into it means the data is longer than declared (over 4 GB, or several members).
        var buffer = GC.AllocateUninitializedArray<byte>((int)declared + 1);
        using var raw = new FileStream(handle, FileAccess.Read, bufferSize: 1 << 16);
        using var gzip = new GZipStream(raw, CompressionMode.Decompress, leaveOpen: true);
        var total = gzip.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (total != declared) return null;
        length = total;
        return buffer;
    }
}
