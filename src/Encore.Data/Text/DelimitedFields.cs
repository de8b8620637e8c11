namespace Encore.Data.Text;

/// <summary>
/// Splits one UTF-8 line into fields by a delimiter byte without allocating. With quoting on, a field
/// that starts with a double quote runs to the matching closing quote (CSV rules: "" inside is one quote,
/// delimiters and quotes inside are data).
/// </summary>
internal static class DelimitedFields
{
    /// <summary>Returned by <see cref="Split"/> when a quoted field is not closed or text follows its closing quote.</summary>
    public const int BadQuoting = -1;

    private const byte Quote = (byte)'"';

    /// <summary>
    /// Fills <paramref name="fields"/> with the first fields of <paramref name="line"/> and returns how many
    /// fields the line has (which may exceed <paramref name="fields"/>' length), or <see cref="BadQuoting"/>.
    /// </summary>
    public static int Split(ReadOnlySpan<byte> line, byte delimiter, Span<FieldRange> fields, bool quoting)
    {
        if (!quoting || line.IndexOf(Quote) < 0) return SplitPlain(line, delimiter, fields);
        var count = 0;
        var pos = 0;
        while (true)
        {
            FieldRange field;
            int next;
            if (pos < line.Length && line[pos] == Quote)
            {
                var end = ClosingQuote(line, pos + 1, out var escaped);
                if (end < 0) return BadQuoting;
                field = new FieldRange(pos + 1, end - pos - 1, escaped);
                next = end + 1;
                if (next < line.Length && line[next] != delimiter) return BadQuoting;
            }
            else
            {
                var d = line[pos..].IndexOf(delimiter);
                next = d < 0 ? line.Length : pos + d;
                field = new FieldRange(pos, next - pos, false);
            }
            if (count < fields.Length) fields[count] = field;
            count++;
            if (next >= line.Length) return count;
            pos = next + 1;
        }
    }

    /// <summary>Copies a field's content into <paramref name="destination"/> with "" collapsed to "; returns the length written.</summary>
    public static int Unescape(ReadOnlySpan<byte> content, Span<byte> destination)
    {
        var written = 0;
        for (var i = 0; i < content.Length; i++)
        {
            destination[written++] = content[i];
            if (content[i] == Quote && i + 1 < content.Length && content[i + 1] == Quote) i++;
        }
        return written;
    }

    private static int SplitPlain(ReadOnlySpan<byte> line, byte delimiter, Span<FieldRange> fields)
    {
        var count = 0;
        var pos = 0;
        while (true)
        {
            var d = line[pos..].IndexOf(delimiter);
            var length = d < 0 ? line.Length - pos : d;
            if (count < fields.Length) fields[count] = new FieldRange(pos, length, false);
            count++;
            if (d < 0) return count;
            pos += d + 1;
        }
    }

    /// <summary>Index of the quote closing a quoted field whose content starts at <paramref name="from"/>, or -1.</summary>
    private static int ClosingQuote(ReadOnlySpan<byte> line, int from, out bool escaped)
    {
        escaped = false;
        var i = from;
        while (true)
        {
            var q = line[i..].IndexOf(Quote);
            if (q < 0) return -1;
            i += q;
            if (i + 1 < line.Length && line[i + 1] == Quote)
            {
                escaped = true;
                i += 2;
                continue;
            }
            return i;
        }
    }
}
