using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Encore.Cli.Output;

/// <summary>
/// A plain table of strings printed either as a Spectre table (terminal) or as GitHub Markdown (for
/// results files: <c>--markdown</c>). Numeric columns are right-aligned, text columns left-aligned.
/// </summary>
internal sealed class TextTable(string title, params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public string Title { get; } = title;

    public IReadOnlyList<string> Headers { get; } = headers;

    public void Add(params string[] cells)
    {
        if (cells.Length != Headers.Count) throw new ArgumentException($"row has {cells.Length} cells for {Headers.Count} columns.", nameof(cells));
        _rows.Add(cells);
    }

    public void Print(bool markdown) => Print(markdown ? TableFormat.Markdown : TableFormat.Text);

    public void Print(TableFormat format)
    {
        switch (format)
        {
            case TableFormat.Markdown:
                Console.WriteLine(ToMarkdown());
                return;
            case TableFormat.Csv:
                Console.Write(ToCsv());
                return;
            case TableFormat.Json:
                Console.WriteLine(ToJson());
                return;
        }
        CurrentConsole.Create().Write(ToSpectre());
    }

    /// <summary>
    /// The table as a Spectre renderable: the title on its own line above it (a Spectre table title wraps to the table's
    /// width, so a long title over a narrow table broke mid-sentence), then the table (cells escaped).
    /// </summary>
    public IRenderable ToSpectre()
    {
        var table = new Table();
        for (var c = 0; c < Headers.Count; c++)
        {
            var column = new TableColumn(Markup.Escape(Headers[c]));
            table.AddColumn(c > 0 && IsNumeric(c) ? column.RightAligned() : column);
        }
        foreach (var row in _rows) table.AddRow(row.Select(Markup.Escape).ToArray());
        return new Rows(new Text(Title), table);
    }

    // Numbers line up on the right; text (ids, settings, labels) reads better on the left.
    private bool IsNumeric(int column) => _rows.TrueForAll(row => row[column] is var cell && cell.Length > 0
        && (char.IsDigit(cell[0]) || cell[0] == '-' || cell.StartsWith("group P", StringComparison.Ordinal)));

    /// <summary>The rows as CSV (header first; cells with commas, quotes or line breaks quoted, RFC 4180).</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', Headers.Select(Csv))).Append('\n');
        foreach (var row in _rows) sb.Append(string.Join(',', row.Select(Csv))).Append('\n');
        return sb.ToString();
    }

    /// <summary>The rows as a JSON array of objects keyed by header (cells stay the printed strings).</summary>
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(
        _rows.Select(row => Headers.Select((h, i) => (h, row[i])).ToDictionary(p => p.h, p => p.Item2)).ToList(),
        new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

    private static string Csv(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(Title).Append("**\n\n");
        sb.Append("| ").Append(string.Join(" | ", Headers)).Append(" |\n");
        sb.Append("|---");
        for (var c = 1; c < Headers.Count; c++) sb.Append(IsNumeric(c) ? "|---:" : "|---");
        sb.Append("|\n");
        foreach (var row in _rows) sb.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
        return sb.ToString();
    }
}
