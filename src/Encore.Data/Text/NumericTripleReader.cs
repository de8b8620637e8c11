using Encore.Core.Parallelism;

namespace Encore.Data.Text;

/// <summary>
/// Fast path for the commonest benchmark file: a header line, then <c>id TAB id TAB value</c> lines whose ids are
/// plain decimal numbers (PEERS.md's split files). The whole (decompressed) file is read into one buffer, cut at
/// line boundaries into chunks that the cores parse in parallel straight into exact-size arrays, with no string
/// or per-line allocation. A gzip file read on two or more cores is inflated and parsed at the same time instead
/// (<see cref="GzipTriplePipeline"/>): one thread inflates while another parses the lines already inflated.
/// <para>It accepts only what the general line-by-line reader reads to the same values, and says "not mine"
/// (returns null) for anything else, so the caller falls back to that reader, which reports the first problem
/// with file, line and field: an id with a sign, a leading zero ("007" is not the id 7), a non-digit or a value
/// above <see cref="int.MaxValue"/>; a line without exactly two tabs before a finite number (as
/// <see cref="System.Buffers.Text.Utf8Parser"/> reads it); an empty or unreadable file; a gzip file that is
/// corrupt, truncated or has several members. LF and CRLF line ends, empty lines, a missing final line end and
/// a byte-order mark on the header are read as the general reader reads them.</para>
/// </summary>
public static class NumericTripleReader
{
    internal const int MaxHeaderBytes = 16 * 1024 * 1024;
    private const int MinChunkBytes = 256 * 1024;

    /// <summary>Reads <paramref name="path"/> (plain or gzip) after its one header line; null when the file is not in the fast form.</summary>
    /// <param name="path">The file.</param>
    /// <param name="degreeOfParallelism">Parsing workers; 0 = all cores.</param>
    /// <param name="cancellationToken">Checked between chunks.</param>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static NumericTriples? TryRead(string path, int degreeOfParallelism = 0, CancellationToken cancellationToken = default)
    {
        // A gzip file on two or more cores: inflate on this thread while another parses (GzipTriplePipeline).
        if (ParallelLoop.Workers(degreeOfParallelism) >= 2 && WholeFile.TryOpenGzip(path) is { } gzip)
        {
            using (gzip) return GzipTriplePipeline.TryRead(gzip, MaxHeaderBytes, cancellationToken);
        }
        var content = WholeFile.TryRead(path, out var length);
        return content is null ? null : TryParse(content.AsMemory(0, length), degreeOfParallelism, cancellationToken);
    }

    /// <summary>Parses UTF-8 <paramref name="text"/> (header line first) as <see cref="TryRead"/> does; null when not in the fast form.</summary>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static NumericTriples? TryParse(ReadOnlyMemory<byte> text, int degreeOfParallelism = 0, CancellationToken cancellationToken = default)
    {
        if (text.IsEmpty) return null; // no header line: the general reader says so
        var headerEnd = text.Span.IndexOf((byte)'\n');
        if (headerEnd < 0) return text.Length > MaxHeaderBytes ? null : new NumericTriples([], [], [], 0);
        if (headerEnd > MaxHeaderBytes) return null;
        return ParseBody(text, headerEnd + 1, degreeOfParallelism, cancellationToken);
    }

    private static NumericTriples? ParseBody(ReadOnlyMemory<byte> memory, int start, int degreeOfParallelism, CancellationToken cancellationToken)
    {
        var text = memory.Span;
        var workers = ParallelLoop.Workers(degreeOfParallelism);
        var chunks = (int)Math.Clamp((text.Length - start) / MinChunkBytes, 1, workers * 4);
        // Chunk c covers [bounds[c], bounds[c + 1]): each bound but the first and last is just after a line end.
        var bounds = new int[chunks + 1];
        bounds[0] = start;
        bounds[chunks] = text.Length;
        for (var c = 1; c < chunks; c++)
        {
            var nominal = Math.Max(bounds[c - 1], start + (int)((long)(text.Length - start) * c / chunks));
            var nl = text[nominal..].IndexOf((byte)'\n');
            bounds[c] = nl < 0 ? text.Length : nominal + nl + 1;
        }
        var counts = new int[chunks];
        var failed = 0;
        // Pass 1: an upper bound of lines per chunk (line ends + 1), so each chunk writes into its own slice.
        ParallelLoop.For(chunks, workers, (from, to) =>
        {
            var all = memory.Span;
            for (var c = from; c < to; c++) counts[c] = all[bounds[c]..bounds[c + 1]].Count((byte)'\n') + 1;
        }, cancellationToken, chunkSize: 1);
        var offsets = new int[chunks + 1];
        for (var c = 0; c < chunks; c++) offsets[c + 1] = checked(offsets[c] + counts[c]);
        var first = GC.AllocateUninitializedArray<int>(offsets[chunks]);
        var second = GC.AllocateUninitializedArray<int>(offsets[chunks]);
        var values = GC.AllocateUninitializedArray<float>(offsets[chunks]);
        // Pass 2: parse; a chunk that meets a line outside the fast form marks the whole file as not ours.
        ParallelLoop.For(chunks, workers, (from, to) =>
        {
            var all = memory.Span;
            for (var c = from; c < to && Volatile.Read(ref failed) == 0; c++)
            {
                var n = ParseChunk(all[bounds[c]..bounds[c + 1]], first.AsSpan(offsets[c], counts[c]),
                    second.AsSpan(offsets[c], counts[c]), values.AsSpan(offsets[c], counts[c]));
                if (n < 0) Volatile.Write(ref failed, 1);
                else counts[c] = n;
            }
        }, cancellationToken, chunkSize: 1);
        if (failed != 0) return null;
        // Close the gaps left by empty lines and each chunk's spare slot (Array.Copy handles the overlap).
        var total = counts[0];
        for (var c = 1; c < chunks; c++)
        {
            if (offsets[c] != total)
            {
                Array.Copy(first, offsets[c], first, total, counts[c]);
                Array.Copy(second, offsets[c], second, total, counts[c]);
                Array.Copy(values, offsets[c], values, total, counts[c]);
            }
            total += counts[c];
        }
        return new NumericTriples(first, second, values, total);
    }

    /// <summary>Parses whole lines (empty ones skipped, CRLF read as LF) into the spans, which hold at least one entry
    /// per line; returns the number of triples written, or -1 at the first line outside the fast form.</summary>
    internal static int ParseChunk(ReadOnlySpan<byte> text, Span<int> first, Span<int> second, Span<float> values)
    {
        var n = 0;
        while (!text.IsEmpty)
        {
            var nl = text.IndexOf((byte)'\n');
            var line = nl < 0 ? text : text[..nl];
            text = nl < 0 ? default : text[(nl + 1)..];
            if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
            if (line.IsEmpty) continue;
            var used = DecimalId(line, out var a);
            if (used == 0 || used >= line.Length || line[used] != (byte)'\t') return -1;
            line = line[(used + 1)..];
            used = DecimalId(line, out var b);
            if (used == 0 || used >= line.Length || line[used] != (byte)'\t') return -1;
            if (!Utf8Numbers.TryFloat(line[(used + 1)..], out var value)) return -1;
            first[n] = a;
            second[n] = b;
            values[n++] = value;
        }
        return n;
    }

    // Length of the canonical decimal number at the start of s (no sign, no leading zero, <= int.MaxValue), 0 if none.
    private static int DecimalId(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        long v = 0;
        var i = 0;
        while (i < s.Length && i <= 10)
        {
            var d = (uint)(s[i] - '0');
            if (d > 9) break;
            v = v * 10 + d;
            i++;
        }
        if (i == 0 || i > 10 || v > int.MaxValue || (i > 1 && s[0] == (byte)'0')) return 0;
        value = (int)v;
        return i;
    }
}
