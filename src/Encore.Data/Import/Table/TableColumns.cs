using System.Globalization;
using Encore.Core.Errors;

namespace Encore.Data.Import.Table;

/// <summary>The mapped columns resolved to field positions (-1 = not mapped) for one file.</summary>
internal sealed record TableColumns(int User, int Item, int Value, int Time, int Kind, int Session)
{
    /// <summary>Fields a row must have to reach every mapped column.</summary>
    public int MinCount { get; } = Math.Max(Math.Max(Math.Max(User, Item), Math.Max(Value, Time)), Math.Max(Kind, Session)) + 1;

    /// <summary>
    /// Why a row needs <see cref="MinCount"/> fields, for the error of a short row: the mapped column that is last and
    /// how many fields the first row has ("expected 2 fields" alone reads as wrong on a 3-column file with 2 mapped).
    /// </summary>
    public string Reason { get; private init; } = "";

    /// <summary>The mapped columns by field position up to <see cref="MinCount"/> (header name, or role without a header; null where unmapped).</summary>
    public string?[] Names { get; private init; } = [];

    /// <summary>
    /// Resolves names (case-insensitive) against the header, or 0-based indices when the file has no header.
    /// A mapped column that is not there throws, naming the file and listing the columns found.
    /// </summary>
    /// <param name="m">The column mapping.</param>
    /// <param name="found">The first row's column names (header names, or 0-based indices without a header).</param>
    /// <param name="header">Whether the first row is a header.</param>
    /// <param name="file">The file, for messages.</param>
    /// <param name="lineHint">What the first line suggests about its delimiter (<see cref="Text.Delimiters.Hint"/>), or "".</param>
    public static TableColumns Resolve(TableMapping m, IReadOnlyList<string> found, bool header, string file, string lineHint = "")
    {
        int Find(string? name, string role)
        {
            if (name is null) return -1;
            for (var i = 0; i < found.Count; i++)
                if (string.Equals(found[i].Trim(), name, StringComparison.OrdinalIgnoreCase)) return i;
            if (!header && int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                throw new DataFormatException(file, 1, role, $"column index {index} is beyond the {found.Count} fields of the first row{(lineHint.Length > 0 ? lineHint : ".")}");
            var hint = !header ? " (header=false: columns are named by 0-based index)"
                : found.All(IsNumber) ? "; the first line holds only numbers, so the file seems to have no header line: add one naming the columns, or set header=false and map them by 0-based index (user=0 item=1 ...)"
                // One header "column" holding another delimiter: the file is most likely separated by that one.
                : found.Count == 1 ? lineHint
                : "";
            var shown = found.Select(f => f.Replace("\t", "\\t", StringComparison.Ordinal));
            throw new DataFormatException(file, 1, role,
                $"mapped column '{name}' not found; columns found: {string.Join(", ", shown)}{hint}{(hint.EndsWith('?') ? "" : ".")}");
        }

        // Published files without a header (Yahoo! R3, KDD-style triples): the first row is read as the header.
        static bool IsNumber(string field) => double.TryParse(field.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _);

        var columns = new TableColumns(Find(m.User, "user"), Find(m.Item, "item"), Find(m.Value, "value"),
            Find(m.Time, "time"), Find(m.Kind, "kind"), Find(m.Session, "session"));
        var last = columns.MinCount - 1;
        var role = last == columns.User ? "user" : last == columns.Item ? "item" : last == columns.Value ? "value"
            : last == columns.Time ? "time" : last == columns.Kind ? "kind" : "session";
        var where = header ? $"'{found[last].Trim()}'" : $"{last}";
        var names = new string?[columns.MinCount];
        foreach (var (at, name) in new[] { (columns.User, "user"), (columns.Item, "item"), (columns.Value, "value"), (columns.Time, "time"), (columns.Kind, "kind"), (columns.Session, "session") })
            if (at >= 0) names[at] = header ? found[at].Trim() : name;
        return columns with { Reason = $" (the mapped {role} column {where} is field {columns.MinCount} of the first row's {found.Count})", Names = names };
    }
}
