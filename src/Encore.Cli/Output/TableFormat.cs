namespace Encore.Cli.Output;

/// <summary>How a command prints its result tables (<c>--format</c>).</summary>
internal enum TableFormat
{
    /// <summary>Box-drawn tables for a terminal (default).</summary>
    Text,

    /// <summary>GitHub Markdown tables (results files).</summary>
    Markdown,

    /// <summary>RFC 4180 CSV with a header row: the main table only.</summary>
    Csv,

    /// <summary>One JSON array of objects (header → cell): the main table only.</summary>
    Json,
}

/// <summary>Parses <c>--format</c> values.</summary>
internal static class TableFormats
{
    public const string Help = "Output: text (tables fitting 120 columns), markdown, csv or json (csv / json print the leaderboard only, every column).";

    public static TableFormat Parse(string? text, bool markdown) => (text?.Trim().ToLowerInvariant(), markdown) switch
    {
        (null or "", true) => TableFormat.Markdown,
        (null or "" or "text", _) => TableFormat.Text,
        ("markdown" or "md", _) => TableFormat.Markdown,
        ("csv", _) => TableFormat.Csv,
        ("json", _) => TableFormat.Json,
        _ => throw new ArgumentException($"--format '{text}' must be text, markdown, csv or json."),
    };

    /// <summary>True for the formats meant for programs: one table, nothing else on stdout.</summary>
    public static bool IsMachine(this TableFormat format) => format is TableFormat.Csv or TableFormat.Json;
}
