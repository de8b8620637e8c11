using System.Text;
using Encore.Core.Errors;
using Encore.Core.Ids;
using Encore.Data.Import.Common;
using Encore.Data.Model;
using Encore.Data.Text;
using Parquet;
using Parquet.Schema;

namespace Encore.Data.Import.Table;

/// <summary>Reads a Parquet interaction table row group by row group (columns by name) into the sink.</summary>
internal static class ParquetTableReader
{
    public static void Read(string path, TableMapping m, TableEventSink sink, ImportReport report,
        IProgress<ImportProgress>? progress, CancellationToken ct) =>
        ReadAsync(path, m, sink, report, progress, ct).GetAwaiter().GetResult();

    private static async Task ReadAsync(string path, TableMapping m, TableEventSink sink, ImportReport report,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream, cancellationToken: ct);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw new DataFormatException(path, 0, "", $"is not a readable Parquet file ({ex.Message}).", ex);
        }
        await using var _ = reader;
        var fields = reader.Schema.GetDataFields();
        var names = Array.ConvertAll(fields, f => f.Name);
        var cols = TableColumns.Resolve(m, names, header: true, path);
        long rowBase = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            async Task<ParquetColumn?> Column(int index) => index < 0 ? null : await ParquetColumn.ReadAsync(path, group, fields[index], ct);
            var user = (await Column(cols.User))!;
            var item = (await Column(cols.Item))!;
            var value = await Column(cols.Value);
            var time = await Column(cols.Time);
            var kind = await Column(cols.Kind);
            var session = await Column(cols.Session);
            var n = (int)group.RowCount;
            for (var r = 0; r < n; r++)
                AddRow(path, rowBase + r + 1, m, sink, report, user, item, value, time, kind, session, r);
            rowBase += n;
            progress?.Report(new ImportProgress(path, stream.Position, stream.Length, rowBase));
            ct.ThrowIfCancellationRequested();
        }
        report.Count(Path.GetFileName(path) + " rows", rowBase);
    }

    private static void AddRow(string path, long rowNumber, TableMapping m, TableEventSink sink, ImportReport report,
        ParquetColumn user, ParquetColumn item, ParquetColumn? value, ParquetColumn? time, ParquetColumn? kind, ParquetColumn? session, int r)
    {
        // Parquet has no lines: errors name the 1-based row instead.
        if (user.Text(r) is not { Length: > 0 } u) { report.Fault(FaultRules.EmptyId, new DataFormatException(path, rowNumber, m.User, "expected a user id, found null or empty.")); return; }
        if (item.Text(r) is not { Length: > 0 } i) { report.Fault(FaultRules.EmptyId, new DataFormatException(path, rowNumber, m.Item, "expected an item id, found null or empty.")); return; }
        if (IdText.IsRefused(u)) { report.Fault(FaultRules.BadUtf8, new DataFormatException(path, rowNumber, m.User, $"the user id {IdText.Problem(u)}.")); return; }
        if (IdText.IsRefused(i)) { report.Fault(FaultRules.BadUtf8, new DataFormatException(path, rowNumber, m.Item, $"the item id {IdText.Problem(i)}.")); return; }
        var v = Missing.Value;
        if (value is not null)
        {
            if (value.IsNumeric) v = (float)value.Number(r);
            else if (value.Text(r) is { Length: > 0 } text && !Utf8Numbers.TryFloat(Encoding.UTF8.GetBytes(text), out v))
            {
                report.Fault(FaultRules.BadNumber, new DataFormatException(path, rowNumber, m.Value!, $"expected a number, found '{text}'."));
                return;
            }
        }
        var t = Missing.Time;
        if (time is not null && !TryTime(time, r, m.EpochMilliseconds, out t))
        {
            report.Fault(FaultRules.BadTime, new DataFormatException(path, rowNumber, m.Time!, DelimitedTableReader.TimeExpectation(m.EpochMilliseconds) + $", found '{time.Text(r)}'."));
            return;
        }
        var k = kind?.Text(r) is { Length: > 0 } kt ? EventKindNames.Parse(kt) : m.KindDefault;
        var s = Missing.Session;
        if (session?.Text(r) is { Length: > 0 } st)
            s = long.TryParse(st, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var sv) ? sv : sink.SessionOf(st);
        sink.Add(sink.Builder.Users.GetOrAdd(u), sink.Items.GetOrAdd(i), k, t, s, v);
    }

    private static bool TryTime(ParquetColumn column, int r, bool? epochMilliseconds, out long time)
    {
        time = Missing.Time;
        if (column.IsTime) { time = column.Time(r); return true; }
        if (column.IsNumeric)
        {
            var n = column.Number(r);
            if (double.IsNaN(n)) return true;
            if (epochMilliseconds is null) return false;
            var ms = epochMilliseconds.Value ? n : n * 1000.0;
            if (!(ms >= Utf8Timestamps.MinUnixMs && ms <= Utf8Timestamps.MaxUnixMs)) return false; // outside years 1..9999
            time = (long)Math.Round(ms);
            return true;
        }
        var text = column.Text(r);
        if (string.IsNullOrEmpty(text)) return true;
        return DelimitedTableReader.TryTime(Encoding.UTF8.GetBytes(text), epochMilliseconds, out time);
    }
}
