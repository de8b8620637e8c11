using System.Buffers.Binary;
using System.IO.Compression;
namespace Encore.Data.Text;

/// <summary>
/// .NET's GZipStream ends silently when a .gz file is cut short. This wrapper compares, at end of stream, the
/// decompressed length with the ISIZE field of the gzip trailer (last 4 bytes, length mod 2^32) and throws
/// <see cref="InvalidDataException"/> on a mismatch, which the readers turn into a DataFormatException.
/// Limitation: a concatenated multi-member .gz is checked against its last member only and is refused.
/// </summary>
internal sealed class GzipTrailerCheckStream : Stream
{
    private readonly Stream _inner;
    private readonly uint _declaredSize;
    private readonly bool _tooShort;
    private long _total;
    private bool _checked;

    private GzipTrailerCheckStream(Stream inner, uint declaredSize, bool tooShort)
    {
        _inner = inner;
        _declaredSize = declaredSize;
        _tooShort = tooShort;
    }

    /// <summary>Wraps a gzip stream opened from <paramref name="path"/> with the trailer check.</summary>
    public static Stream Wrap(GZipStream stream, string path)
    {
        Span<byte> trailer = stackalloc byte[4];
        using var raw = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var tooShort = raw.Length < 18; // 10-byte header + 8-byte trailer
        if (!tooShort)
        {
            raw.Position = raw.Length - 4;
            raw.ReadExactly(trailer);
        }
        return new GzipTrailerCheckStream(stream, BinaryPrimitives.ReadUInt32LittleEndian(trailer), tooShort);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = _inner.Read(buffer);
        _total += n;
        if (n == 0 && !buffer.IsEmpty && !_checked)
        {
            _checked = true;
            if (_tooShort || (uint)_total != _declaredSize)
                throw new InvalidDataException($"the gzip data is truncated: {_total:N0} bytes were decompressed but the gzip trailer does not match");
        }
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _total; set => throw new NotSupportedException(); }
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
