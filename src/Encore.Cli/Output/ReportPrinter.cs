using Encore.Data.Import;
using Spectre.Console;

namespace Encore.Cli.Output;

/// <summary>Prints an import report: rows read, rows removed per cleaning rule, faults per rule with examples, warnings.</summary>
public static class ReportPrinter
{
    public static void Print(ImportReport report)
    {
        var table = new Table().Title("import report").AddColumn("what").AddColumn(new TableColumn("rows").RightAligned());
        foreach (var (key, count) in report.Counts.OrderBy(c => c.Key, StringComparer.Ordinal)) table.AddRow(Markup.Escape(key), $"{count:N0}");
        foreach (var (rule, count) in report.Removed.OrderBy(c => c.Key, StringComparer.Ordinal)) table.AddRow(Markup.Escape($"removed: {rule}"), $"{count:N0}");
        foreach (var (rule, count) in report.Faults.OrderBy(c => c.Key, StringComparer.Ordinal)) table.AddRow(Markup.Escape($"skipped (fault): {rule}"), $"[yellow]{count:N0}[/]");
        CurrentConsole.Create().Write(table);
        foreach (var example in report.Examples) TextLine.Write($"[grey]  {Markup.Escape(example)}[/]");
        foreach (var warning in report.Warnings) TextLine.Write($"[yellow]warning:[/] {Markup.Escape(warning)}");
    }
}
