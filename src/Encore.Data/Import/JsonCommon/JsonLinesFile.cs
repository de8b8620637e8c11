using System.Text.Json;
using System.Text.Unicode;
using Encore.Core.Errors;
using Encore.Data.Text;

namespace Encore.Data.Import.JsonCommon;

/// <summary>Parses one JSON object held in a line; faults go through the report.</summary>
internal delegate void JsonLineParser(ReadOnlySpan<byte> line, long lineNumber);

/// <summary>
/// Streams a JSON Lines file (plain or gzip) line by line and hands each non-blank line to a parser.
/// Invalid UTF-8 and JSON syntax errors become faults named <c>&lt;role&gt;: invalid UTF-8</c> and
/// <c>&lt;role&gt;: malformed JSON</c>, so lenient imports skip the line and strict ones stop at it.
/// </summary>
internal static class JsonLinesFile
{
    private const int ProgressEvery = 1 << 16;

    /// <summary>Reads every line of <paramref name="path"/>; returns the number of non-blank lines.</summary>
    public static long ForEachLine(string path, string role, ImportOptions options, ImportReport report,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken, JsonLineParser parse)
    {
        var total = InputFile.Length(path);
        using var lines = new LineReader(InputFile.Open(path), path, options.MaxLineBytes);
        long rows = 0;
        while (lines.TryReadLine(out var line))
        {
            if (IsBlank(line)) continue;
            rows++;
            if ((rows & (ProgressEvery - 1)) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(path, lines.BytesRead, total, rows));
            }
            if (!Utf8.IsValid(line))
            {
                report.Fault($"{role}: invalid UTF-8", new DataFormatException(path, lines.LineNumber, "",
                    $"invalid UTF-8 at byte {FirstInvalidUtf8(line) + 1} of the line; files must be UTF-8 encoded."));
                continue;
            }
            try
            {
                parse(line, lines.LineNumber);
            }
            catch (JsonException ex)
            {
                report.Fault($"{role}: malformed JSON", new DataFormatException(path, lines.LineNumber, "",
                    $"is not one valid JSON object (at byte {ex.BytePositionInLine + 1}): {ex.Message}"));
            }
        }
        progress?.Report(new ImportProgress(path, lines.BytesRead, total, rows));
        if (rows == 0) report.Warn($"{path}: file is empty.");
        return rows;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t"u8).IsEmpty;

    /// <summary>0-based offset of the first byte that is not valid UTF-8 (error path only).</summary>
    public static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        while (at < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[at..], out _, out var used) != System.Buffers.OperationStatus.Done) return at;
            at += used;
        }
        return at;
    }
}
