using System.Buffers.Binary;
using System.IO.Compression;
using Microsoft.Win32.SafeHandles;

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
            if (!IsGzip(handle, size)) return ReadPlain(handle, (int)size, out length);
            if (DeclaredLength(handle, size) is not { } declared) return null;
            using var gzip = OpenGzip(handle);
            // One spare byte: reading into it means the data is longer than declared (over 4 GB, or several members).
            var buffer = GC.AllocateUninitializedArray<byte>(declared + 1);
            var total = gzip.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            if (total != declared) return null;
            length = total;
            return buffer;
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            return null;
        }
    }

    /// <summary>Opens a gzip file for streamed decompression, with the uncompressed length its trailer declares; null
    /// when the file is not gzip, cannot be opened, or declares an impossible length (over 2 GB, or more than deflate
    /// can expand to). The caller reads at most <see cref="GzipSource.Declared"/> + 1 bytes and compares: a different
    /// total means a corrupt, truncated or multi-member file, as for <see cref="TryRead"/>.</summary>
    public static GzipSource? TryOpenGzip(string path)
    {
        SafeFileHandle? handle = null;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
            var size = RandomAccess.GetLength(handle);
            if (size >= Array.MaxLength || !IsGzip(handle, size) || DeclaredLength(handle, size) is not { } declared)
            {
                handle.Dispose();
                return null;
            }
            var source = new GzipSource(OpenGzip(handle), declared);
            handle = null; // owned by the stream now
            return source;
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            handle?.Dispose();
            return null;
        }
    }

    /// <summary>The failures a fast reader turns into "not mine" (null): the general reader then reports them.</summary>
    public static bool IsReadFailure(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException;

    private static bool IsGzip(SafeFileHandle handle, long size)
    {
        Span<byte> head = stackalloc byte[2];
        return size >= 18 && RandomAccess.Read(handle, head, 0) == 2 && head[0] == 0x1f && head[1] == 0x8b;
    }

    private static int? DeclaredLength(SafeFileHandle handle, long size)
    {
        Span<byte> trailer = stackalloc byte[4];
        if (RandomAccess.Read(handle, trailer, size - 4) != 4) return null;
        var declared = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        if (declared >= Array.MaxLength || declared > size * MaxGzipRatio) return null;
        return (int)declared;
    }

    // The file stream owns the handle; disposing the gzip stream closes both.
    private static GZipStream OpenGzip(SafeFileHandle handle) =>
        new(new FileStream(handle, FileAccess.Read, bufferSize: 1 << 16), CompressionMode.Decompress, leaveOpen: false);

    private static byte[]? ReadPlain(SafeFileHandle handle, int size, out int length)
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
}

/// <summary>A gzip file opened by <see cref="WholeFile.TryOpenGzip"/>: the decompressing stream (it owns the file) and
/// the uncompressed length the trailer declares.</summary>
internal sealed record GzipSource(Stream Stream, int Declared) : IDisposable
{
    public void Dispose() => Stream.Dispose();
}
