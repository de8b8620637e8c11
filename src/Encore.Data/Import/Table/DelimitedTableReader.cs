using Encore.Core.Errors;
using Encore.Data.Import.Common;
using Encore.Data.Model;
using Encore.Data.Text;

namespace Encore.Data.Import.Table;

/// <summary>Reads one CSV / TSV file (plain or gzip) of interactions into the sink; the hot loop allocates only for new ids.</summary>
internal static class DelimitedTableReader
{
    public static void Read(string path, TableMapping m, TableEventSink sink, ImportOptions options, ImportReport report,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var delimiter = m.Delimiter ?? Delimiters.FromExtension(path);
        var items = sink.Items;
        var users = sink.Builder.Users;
        using var reader = new DelimitedReader(path, delimiter, options, quoting: delimiter != (byte)'\t', progress, ct);
        TableColumns? cols = null;
        IReadOnlyList<string> width = [];
        // Each id is decoded once into these buffers, checked, and registered only after the row's other fields pass.
        Span<char> userChars = stackalloc char[IdText.MaxLength];
        Span<char> itemChars = stackalloc char[IdText.MaxLength];
        while (reader.TryRead(out var row))
        {
            if (cols is null)
            {
                var names = Names(row, m.Header, path);
                cols = TableColumns.Resolve(m, names, m.Header, path, Delimiters.Hint(row.Line, delimiter));
                var mapped = cols.Names;
                width = m.Header ? [.. names.Select(n => n.Trim())] : [.. names.Select((_, i) => i < mapped.Length && mapped[i] is { } role ? role : $"column {i}")];
                if (m.Header)
                {
                    reader.CountAsHeader();
                    continue;
                }
            }
            // Every row is as wide as the first line: a mapped column it lacks is named first, else the trailing ones.
            if (row.Count < width.Count || row.Count == DelimitedFields.BadQuoting)
            {
                report.Fault(FaultRules.FieldCount, row.CheckFieldCount(cols.Names, cols.Reason)
                    ?? row.CheckWidth(width, m.Header ? "the header" : "the first row") ?? reader.LineError("too few fields."));
                continue;
            }
            // Every field is checked before the ids are registered: a skipped row leaves no user or item behind.
            if (!TryDecodeId(row, cols.User, "user", userChars, out var userLength, report)
                || !TryDecodeId(row, cols.Item, "item", itemChars, out var itemLength, report)) continue;
            var value = Missing.Value;
            if (cols.Value >= 0 && !row[cols.Value].IsEmpty && !row.TryFloat(cols.Value, out value))
            {
                report.Fault(FaultRules.BadNumber, row.Error(cols.Value, m.Value!, "expected a number"));
                continue;
            }
            var time = Missing.Time;
            if (cols.Time >= 0 && !row[cols.Time].IsEmpty && !TryTime(row[cols.Time], m.EpochMilliseconds, out time))
            {
                report.Fault(FaultRules.BadTime, row.Error(cols.Time, m.Time!, TimeExpectation(m.EpochMilliseconds)));
                continue;
            }
            var user = users.GetOrAdd(userChars[..userLength]);
            var item = items.GetOrAdd(itemChars[..itemLength]);
            var kind = cols.Kind >= 0 ? KindOf(row[cols.Kind], m.KindDefault, report) : m.KindDefault;
            var session = cols.Session >= 0 ? SessionOf(row[cols.Session], sink) : Missing.Session;
            sink.Add(user, item, kind, time, session, value);
        }
        report.Count(Path.GetFileName(path) + " rows", reader.DataRows);
    }

    internal static bool TryTime(ReadOnlySpan<byte> field, bool? epochMilliseconds, out long time) =>
        epochMilliseconds is { } ms ? Utf8Timestamps.TryEpoch(field, ms, out time) : Utf8Timestamps.TryIso8601(field, out time);

    internal static string TimeExpectation(bool? epochMilliseconds) => epochMilliseconds switch
    {
        true => $"expected epoch milliseconds (time-unit=ms) {Utf8Timestamps.RangeText}",
        false => $"expected epoch seconds (time-unit=s) {Utf8Timestamps.RangeText}; epoch milliseconds need time-unit=ms",
        null => "expected an ISO-8601 timestamp like 2009-05-04T23:08:57Z (set time-unit=s or ms for epoch numbers)",
    };

    private static bool TryDecodeId(in DelimitedRow row, int index, string role, Span<char> chars, out int length, ImportReport report)
    {
        length = 0;
        if (row[index].IsEmpty)
        {
            report.Fault(FaultRules.EmptyId, row.Error(index, role, $"expected a {role} id"));
            return false;
        }
        if (row.TryDecodeId(index, chars, out length)) return true;
        report.Fault(FaultRules.BadUtf8, row.InvalidUtf8(index, role));
        return false;
    }

    private static EventKind KindOf(ReadOnlySpan<byte> field, EventKind fallback, ImportReport report)
    {
        if (field.IsEmpty) return fallback;
        Span<char> chars = stackalloc char[32];
        if (field.Length > chars.Length || !Utf8Text.TryDecode(field, chars, out var n)) return EventKind.Other;
        var kind = EventKindNames.Parse(chars[..n]);
        if (kind == EventKind.Other) report.Count("events of an unrecognised kind");
        return kind;
    }

    private static long SessionOf(ReadOnlySpan<byte> field, TableEventSink sink)
    {
        if (field.IsEmpty) return Missing.Session;
        if (Utf8Numbers.TryLong(field, out var s)) return s;
        Span<char> chars = stackalloc char[256];
        return field.Length <= chars.Length && Utf8Text.TryDecode(field, chars, out var n) ? sink.SessionOf(chars[..n]) : Missing.Session;
    }

    private static List<string> Names(in DelimitedRow row, bool header, string path)
    {
        if (row.Count == DelimitedFields.BadQuoting) throw new DataFormatException(path, row.LineNumber, "", "the first line has a quoted field that is not closed.");
        var names = new List<string>(row.Count);
        for (var i = 0; i < row.Count; i++)
            names.Add(header ? row.TryString(i) ?? Utf8Text.Excerpt(row[i]) : i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return names;
    }
}
