using System.Buffers.Binary;

namespace Encore.Data.Text;

/// <summary>
/// Wraps a gzip decompression stream and, at its end, compares the bytes produced with the length the gzip
/// trailer declares (ISIZE, mod 2^32). .NET's GZipStream ends silently on a truncated file; this turns that
/// into <see cref="InvalidDataException"/>, which <see cref="LineReader"/> reports with file and line.
/// </summary>
internal sealed class GzipLengthCheckStream : Stream
{
    private readonly Stream _inner;
    private readonly uint _declaredLength;
    private readonly bool _check;
    private long _produced;

    public GzipLengthCheckStream(Stream inner, uint declaredLength, bool check)
    {
        _inner = inner;
        _declaredLength = declaredLength;
        // A trailing empty member (bgzip's EOF marker) declares 0: the check cannot apply then.
        _check = check && declaredLength != 0;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = _inner.Read(buffer);
        _produced += n;
        if (n == 0 && buffer.Length > 0 && _check && (uint)_produced != _declaredLength)
            throw new InvalidDataException($"gzip data ends after {_produced:N0} bytes but the trailer declares {_declaredLength:N0} (mod 2^32): the file is truncated or corrupt");
        return n;
    }

    /// <summary>Reads the ISIZE field (last 4 bytes, little-endian) of a seekable gzip file, leaving the position at 0.</summary>
    public static bool TryReadDeclaredLength(FileStream raw, out uint length)
    {
        length = 0;
        if (raw.Length < 18) return false;
        Span<byte> tail = stackalloc byte[4];
        raw.Seek(-4, SeekOrigin.End);
        var ok = raw.ReadAtLeast(tail, 4, throwOnEndOfStream: false) == 4;
        raw.Position = 0;
        length = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        return ok;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _produced; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}
