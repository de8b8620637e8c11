using System.Buffers;
using Encore.Core.Errors;

namespace Encore.Data.Text;

/// <summary>
/// Reads a stream as lines of raw UTF-8 bytes without allocating per line. Accepts LF and CRLF, strips a
/// leading BOM, and refuses lines longer than a bound (a binary file or a wrong delimiter) with a clear
/// error instead of growing without limit. A read failure of a compressed stream (truncated gzip)
/// becomes a <see cref="DataFormatException"/>.
/// </summary>
public sealed class LineReader : IDisposable
{
    private readonly Stream _stream;
    private readonly string _file;
    private readonly int _maxLineBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private bool _first = true;

    public LineReader(Stream stream, string file, int maxLineBytes = 16 * 1024 * 1024)
    {
        _stream = stream;
        _file = file;
        _maxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Bytes consumed from the underlying (decompressed) stream.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Reads the next line (without its terminator). Returns false at end of input.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var nl = span.IndexOf((byte)'\n');
            if (nl >= 0)
            {
                line = Finish(span[..nl]);
                _start += nl + 1;
                return true;
            }
            if (_eof)
            {
                if (span.IsEmpty)
                {
                    line = default;
                    return false;
                }
                line = Finish(span);
                _start = _end;
                return true;
            }
            if (span.Length >= _maxLineBytes)
                throw new DataFormatException(_file, LineNumber + 1, "", $"line is longer than {_maxLineBytes:N0} bytes; is this the right format and delimiter, or a binary file?");
            Fill();
        }
    }

    private ReadOnlySpan<byte> Finish(ReadOnlySpan<byte> line)
    {
        LineNumber++;
        if (line.Length > _maxLineBytes)
            throw new DataFormatException(_file, LineNumber, "", $"line is longer than {_maxLineBytes:N0} bytes; is this the right format and delimiter, or a binary file?");
        if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
        if (_first)
        {
            _first = false;
            if (line.StartsWith("\uFEFF"u8)) line = line[3..];
        }
        return line;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(Math.Max(_buffer.Length * 2, 1 << 16), _maxLineBytes + (1 << 16)));
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        int n;
        try
        {
            n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (InvalidDataException ex)
        {
            throw new DataFormatException(_file, LineNumber + 1, "", $"compressed data is corrupt or truncated ({ex.Message}).", ex);
        }
        catch (IOException ex)
        {
            throw new DataFormatException(_file, LineNumber + 1, "", $"read failed: {ex.Message}", ex);
        }
        if (n == 0) _eof = true;
        _end += n;
        BytesRead += n;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _stream.Dispose();
    }
}
