using System.Buffers;
using System.Text.Json;
using Encore.Core.Errors;

namespace Encore.Data.Import.JsonCommon;

/// <summary>
/// Feeds a <see cref="Utf8JsonReader"/> from a stream through a buffer that grows only to the largest single
/// token, so a file of any size is parsed without holding its DOM. Counts consumed newlines so that errors
/// found above the tokenizer (a wrong type, a missing field) can name the line too. Syntax errors, invalid
/// UTF-8 and truncated gzip become <see cref="DataFormatException"/> naming file and line.
/// </summary>
internal sealed class JsonStreamReader : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buffer;
    private int _length;
    private bool _final;
    private long _linesBefore;
    private long _bytesBefore;

    /// <summary>Longest single JSON value accepted: the 16 MiB line bound of every other importer.</summary>
    public const int MaxTokenBytes = 16 * 1024 * 1024;

    private readonly int _maxTokenBytes;

    public JsonStreamReader(Stream stream, string file, int initialBuffer = 1 << 16, int maxTokenBytes = MaxTokenBytes)
    {
        _stream = stream;
        File = file;
        _maxTokenBytes = maxTokenBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(initialBuffer);
    }

    public string File { get; }

    /// <summary>Bytes of the (decompressed) stream consumed so far.</summary>
    public long BytesRead => _bytesBefore + _length;

    /// <summary>The first reader; pass it by ref to <see cref="Read"/> from then on.</summary>
    public Utf8JsonReader Start()
    {
        Fill();
        if (_length >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
        {
            // A UTF-8 byte order mark (editors on Windows add one): skipped, as the line-based importers do.
            Buffer.BlockCopy(_buffer, 3, _buffer, 0, _length - 3);
            _length -= 3;
            _bytesBefore += 3;
            Fill();
        }
        var reader = new Utf8JsonReader(_buffer.AsSpan(0, _length), _final, default);
        return reader;
    }

    /// <summary>Advances to the next token, refilling the buffer as needed. False at the end of the document.</summary>
    public bool Read(ref Utf8JsonReader reader)
    {
        while (true)
        {
            try
            {
                if (reader.Read()) return true;
            }
            catch (JsonException ex)
            {
                throw new DataFormatException(File, (ex.LineNumber ?? 0) + 1, "",
                    $"invalid JSON at byte {(ex.BytePositionInLine ?? 0) + 1} of the line: {ex.Message}", ex);
            }
            catch (InvalidOperationException ex)
            {
                // Raised for bytes that are not UTF-8 inside a property name or string the tokenizer compares.
                throw new DataFormatException(File, LineOf(ref reader), "", "expected UTF-8 JSON text, found a byte sequence that is not UTF-8; the file is damaged or in another encoding.", ex);
            }
            if (_final) return false;
            Refill(ref reader);
        }
    }

    /// <summary>Skips the value the reader is on (object, array or scalar).</summary>
    public void Skip(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return;
        var depth = reader.CurrentDepth;
        while (Read(ref reader))
            if (reader.CurrentDepth == depth && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray) return;
    }

    /// <summary>1-based line of the current token (for errors above the tokenizer).</summary>
    public long LineOf(ref readonly Utf8JsonReader reader)
    {
        var upTo = (int)Math.Min(reader.TokenStartIndex, _length);
        return _linesBefore + _buffer.AsSpan(0, upTo).Count((byte)'\n') + 1;
    }

    private void Refill(ref Utf8JsonReader reader)
    {
        var consumed = (int)reader.BytesConsumed;
        _linesBefore += _buffer.AsSpan(0, consumed).Count((byte)'\n');
        _bytesBefore += consumed;
        var rest = _length - consumed;
        if (rest > 0) Buffer.BlockCopy(_buffer, consumed, _buffer, 0, rest);
        _length = rest;
        if (_length == _buffer.Length)
        {
            // One token is larger than the buffer: grow (only as far as the longest token needs, up to the bound).
            if (_buffer.Length >= _maxTokenBytes)
                throw new DataFormatException(File, _linesBefore + 1, "",
                    $"a single JSON value is longer than {_maxTokenBytes / (1024 * 1024)} MiB (the bound of every importer; a damaged or hostile file).");
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _length);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        Fill();
        reader = new Utf8JsonReader(_buffer.AsSpan(0, _length), _final, reader.CurrentState);
    }

    private void Fill()
    {
        while (_length < _buffer.Length && !_final)
        {
            int n;
            try
            {
                n = _stream.Read(_buffer, _length, _buffer.Length - _length);
            }
            catch (InvalidDataException ex)
            {
                throw new DataFormatException(File, _linesBefore + 1, "", $"compressed data is corrupt or truncated ({ex.Message}).", ex);
            }
            catch (IOException ex)
            {
                throw new DataFormatException(File, _linesBefore + 1, "", $"read failed: {ex.Message}", ex);
            }
            if (n == 0) _final = true;
            _length += n;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _stream.Dispose();
    }
}
