using System.Runtime.CompilerServices;
using Encore.Core.Errors;
using Encore.Core.Ids;

namespace Encore.Data.Text;

/// <summary>
/// One split line: field access (quotes already collapsed), strict parsers, id lookups through a stack
/// buffer, and errors that name file, line, field and what was expected. Valid until the next read.
/// </summary>
internal readonly ref struct DelimitedRow
{
    private const int StackChars = 256;
    private readonly DelimitedReader _reader;
    private readonly ReadOnlySpan<FieldRange> _fields;

    internal DelimitedRow(DelimitedReader reader, ReadOnlySpan<byte> line, ReadOnlySpan<FieldRange> fields, int count, byte delimiter)
    {
        _reader = reader;
        Line = line;
        _fields = fields;
        Count = count;
        Delimiter = delimiter;
    }

    public ReadOnlySpan<byte> Line { get; }

    /// <summary>Number of fields, or <see cref="DelimitedFields.BadQuoting"/>.</summary>
    public int Count { get; }

    public byte Delimiter { get; }

    public long LineNumber => _reader.LineNumber;

    public ReadOnlySpan<byte> this[int index]
    {
        get
        {
            var f = _fields[index];
            if (!f.Escaped) return Line.Slice(f.Start, f.Length);
            var target = _reader.Scratch.AsSpan(f.Start, f.Length);
            return target[..DelimitedFields.Unescape(Line.Slice(f.Start, f.Length), target)];
        }
    }

    /// <summary>
    /// Null when the row has a field for every one of <paramref name="columns"/>; else the error to report, naming
    /// every column read that the row lacks, with its field position ("expected 4 fields ... but found 2; missing:
    /// weight (field 3), time (field 4)"), then the positions of the lacking fields that are not read (", and field 5 (not
    /// read)"), so that the list adds up to the fields the row lacks; the error's field is the list of columns read.
    /// </summary>
    /// <param name="columns">The format's column names by field position, up to the last one read; null for a position
    /// that is not read (a table's unmapped column). The row needs <c>columns.Length</c> fields.</param>
    /// <param name="reason">Appended after the count: why that many (e.g. which mapped column is furthest).</param>
    public DataFormatException? CheckFieldCount(ReadOnlySpan<string?> columns, string reason = "")
    {
        if (Count == DelimitedFields.BadQuoting)
            return _reader.LineError("a quoted field is not closed, or text follows its closing quote.");
        var minimum = columns.Length;
        if (Count >= minimum) return null;
        // Every column read that the row lacks, not only the first: "missing: track MBID (field 5), track name (field 6)".
        var named = new List<string>();
        var unread = new List<int>();
        for (var i = Math.Max(Count, 0); i < minimum; i++)
            if (columns[i] is { } name) named.Add($"{name} (field {i + 1})");
            else unread.Add(i + 1);
        var column = named.Count > 0 ? string.Join(", ", named) : $"column {minimum} (field {minimum})";
        // The fields not read are counted too, so that the list adds up to what the row lacks.
        var others = named.Count == 0 || unread.Count == 0 ? "" : $", and {(unread.Count == 1 ? "field" : "fields")} {string.Join(", ", unread)} (not read)";
        return new DataFormatException(_reader.File, LineNumber, column,
            $"expected {minimum} fields separated by {Delimiters.Name(Delimiter)} but found {Count}{reason}; missing: {column}{others}{Delimiters.Hint(Line, Delimiter)}");
    }

    /// <summary>
    /// Null when the row has a field for every column of the file's first line; else the error naming the columns it lacks,
    /// taken as the last ones (a short row cannot tell which of its fields is gone): "expected 6 fields separated by comma,
    /// as the header has, but found 5; missing: personalized (field 6)". Rows shorter than the first line are damaged even
    /// when every column read is there: a field lost in the middle shifts the ones after it.
    /// </summary>
    /// <param name="columns">The first line's column names by position (header names, or names for a headerless file).</param>
    /// <param name="source">What set the width, for the message: "the header" or "the first row".</param>
    public DataFormatException? CheckWidth(IReadOnlyList<string> columns, string source)
    {
        if (Count == DelimitedFields.BadQuoting || Count >= columns.Count) return null;
        var named = new List<string>();
        for (var i = Math.Max(Count, 0); i < columns.Count; i++) named.Add($"{columns[i]} (field {i + 1})");
        var column = string.Join(", ", named);
        return new DataFormatException(_reader.File, LineNumber, column,
            $"expected {columns.Count} fields separated by {Delimiters.Name(Delimiter)}, as {source} has, but found {Count}; missing: {column}{Delimiters.Hint(Line, Delimiter)}");
    }

    public bool TryInt(int index, out int value) => Utf8Numbers.TryInt(this[index], out value);

    public bool TryLong(int index, out long value) => Utf8Numbers.TryLong(this[index], out value);

    public bool TryFloat(int index, out float value) => Utf8Numbers.TryFloat(this[index], out value);

    /// <summary>Dense index of the field's text in <paramref name="map"/> (added if new); false on invalid UTF-8.</summary>
    public bool TryId(int index, IdMap map, out int id) => TryId(this[index], map, out id);

    [SkipLocalsInit] // the stack buffer is written before it is read; zeroing it costs more than the lookup
    public static bool TryId(ReadOnlySpan<byte> field, IdMap map, out int id)
    {
        if (field.Length <= StackChars)
        {
            Span<char> chars = stackalloc char[StackChars];
            return Finish(field, chars, map, out id);
        }
        return Finish(field, new char[field.Length], map, out id);
    }

    /// <summary>Whether <see cref="TryId(int, IdMap, out int)"/> would accept the field (strict UTF-8, the id rule of
    /// <see cref="IdText"/>), without registering it: rows check every field before they register any id.</summary>
    public bool IsId(int index) => IsId(this[index]);

    /// <summary>Whether <see cref="TryId(ReadOnlySpan{byte}, IdMap, out int)"/> would accept <paramref name="field"/>, without registering it.</summary>
    [SkipLocalsInit] // as TryId
    public static bool IsId(ReadOnlySpan<byte> field)
    {
        Span<char> chars = field.Length <= StackChars ? stackalloc char[StackChars] : new char[field.Length];
        return Utf8Text.TryDecode(field, chars, out var written) && !IdText.IsRefused(chars[..written]);
    }

    /// <summary>
    /// Decodes the field into <paramref name="destination"/> when <see cref="TryId(int, IdMap, out int)"/> would
    /// accept it, without registering it: a hot row loop decodes each id once, checks its other fields, then registers
    /// <c>destination[..written]</c> with <see cref="IdMap.GetOrAdd(ReadOnlySpan{char})"/>.
    /// </summary>
    /// <param name="index">Field index.</param>
    /// <param name="destination">At least <see cref="IdText.MaxLength"/> characters (a longer id is refused anyway).</param>
    /// <param name="written">Characters of the decoded id.</param>
    public bool TryDecodeId(int index, Span<char> destination, out int written) =>
        Utf8Text.TryDecode(this[index], destination, out written) && !IdText.IsRefused(destination[..written]);

    /// <summary>The field as a string (strict UTF-8), or null when invalid.</summary>
    public string? TryString(int index) => Utf8Text.TryString(this[index]);

    /// <summary>An error about one field: names the column, quotes the value found and says what was expected.</summary>
    public DataFormatException Error(int index, string column, string expected)
    {
        var found = index < Count && index >= 0 ? Utf8Text.Excerpt(this[index]) : "";
        return new DataFormatException(_reader.File, LineNumber, $"{column} (field {index + 1})", $"{expected}, found '{found}'.");
    }

    public DataFormatException InvalidUtf8(int index, string column) =>
        Error(index, column, $"expected valid UTF-8 text of at most {IdText.MaxLength} characters without control characters (NUL, tab, line breaks and the like; an id must be addressable in a URL)");

    private static bool Finish(ReadOnlySpan<byte> field, Span<char> chars, IdMap map, out int id)
    {
        if (!Utf8Text.TryDecode(field, chars, out var written) || IdText.IsRefused(chars[..written]))
        {
            id = -1;
            return false;
        }
        id = map.GetOrAdd(chars[..written]);
        return true;
    }
}
