using Encore.Core.Errors;
using Encore.Data.Import;

namespace Encore.Data.Text;

/// <summary>
/// Streams a delimited text file (plain or gzip) as rows of fields without allocating per row. Reports
/// progress and checks cancellation every 64K lines. Rows are <see cref="DelimitedRow"/> views that are
/// valid until the next read.
/// </summary>
internal sealed class DelimitedReader : IDisposable
{
    private const int ProgressEvery = 1 << 16;
    private readonly LineReader _lines;
    private readonly IProgress<ImportProgress>? _progress;
    private readonly CancellationToken _cancellationToken;
    private readonly long _totalBytes;
    private FieldRange[] _fields = new FieldRange[16];
    private byte[] _scratch = new byte[256];

    public DelimitedReader(string path, byte delimiter, ImportOptions options, bool quoting = false,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        File = path;
        Delimiter = delimiter;
        Quoting = quoting;
        _progress = progress;
        _cancellationToken = cancellationToken;
        _totalBytes = InputFile.Length(path);
        _lines = new LineReader(InputFile.Open(path), path, options.MaxLineBytes);
    }

    public string File { get; }

    public byte Delimiter { get; }

    public bool Quoting { get; }

    public long LineNumber => _lines.LineNumber;

    /// <summary>Non-blank lines returned so far (header lines included).</summary>
    public long Rows { get; private set; }

    /// <summary>Lines the caller marked as headers with <see cref="CountAsHeader"/>.</summary>
    public long HeaderLines { get; private set; }

    /// <summary>Data rows read so far: <see cref="Rows"/> minus header lines (what import reports count).</summary>
    public long DataRows => Rows - HeaderLines;

    /// <summary>Marks the line just read as a header, so it is not counted as a data row.</summary>
    public void CountAsHeader() => HeaderLines++;

    /// <summary>The scratch buffer escaped fields are collapsed into (same offsets as the line).</summary>
    internal byte[] Scratch => _scratch;

    /// <summary>Reads the next non-blank line and splits it by <see cref="Delimiter"/>.</summary>
    public bool TryRead(out DelimitedRow row)
    {
        if (!TryReadLine(out var line))
        {
            row = default;
            return false;
        }
        row = Split(line, Delimiter);
        return true;
    }

    /// <summary>Reads the next non-blank line unsplit (for formats that mix delimiters, like KDD Cup blocks).</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (_lines.TryReadLine(out line))
        {
            if (line.IsEmpty) continue;
            if (++Rows % ProgressEvery == 0) Tick();
            return true;
        }
        Report();
        return false;
    }

    /// <summary>Splits a line (from <see cref="TryReadLine"/>) by any delimiter.</summary>
    public DelimitedRow Split(ReadOnlySpan<byte> line, byte delimiter)
    {
        var count = DelimitedFields.Split(line, delimiter, _fields, Quoting);
        if (count > _fields.Length)
        {
            _fields = new FieldRange[count];
            DelimitedFields.Split(line, delimiter, _fields, Quoting);
        }
        if (count > 0)
        {
            foreach (var f in _fields.AsSpan(0, count))
                if (f.Escaped) { EnsureScratch(line.Length); break; }
        }
        return new DelimitedRow(this, line, _fields.AsSpan(0, Math.Max(count, 0)), count, delimiter);
    }

    /// <summary>An error for the whole line (field empty), naming this file and the current line.</summary>
    public DataFormatException LineError(string problem) => new(File, LineNumber, "", problem);

    private void EnsureScratch(int length)
    {
        if (_scratch.Length < length) _scratch = new byte[Math.Max(length, _scratch.Length * 2)];
    }

    private void Tick()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        Report();
    }

    private void Report() => _progress?.Report(new ImportProgress(File, _lines.BytesRead, _totalBytes, Rows));

    public void Dispose() => _lines.Dispose();
}
