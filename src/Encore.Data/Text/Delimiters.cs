namespace Encore.Data.Text;

/// <summary>Delimiter bytes by name (settings and messages) and by file extension.</summary>
internal static class Delimiters
{
    /// <summary>Reads a setting value: "tab", "\t", ",", "comma", ";", "semicolon", "|", "pipe", "space".</summary>
    public static byte? Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        null or "" => null,
        "TAB" or "\\T" => (byte)'\t',
        "," or "COMMA" => (byte)',',
        ";" or "SEMICOLON" => (byte)';',
        "|" or "PIPE" => (byte)'|',
        "SPACE" => (byte)' ',
        _ => null,
    };

    /// <summary>Comma for .csv, tab for .tsv / .tab / .dat / .txt (a trailing .gz is ignored).</summary>
    public static byte FromExtension(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        return Path.GetExtension(name).ToUpperInvariant() == ".CSV" ? (byte)',' : (byte)'\t';
    }

    public static string Name(byte delimiter) => delimiter switch
    {
        (byte)'\t' => "tab",
        (byte)',' => "comma",
        (byte)';' => "semicolon",
        (byte)'|' => "'|'",
        (byte)' ' => "space",
        _ => $"byte 0x{delimiter:X2}",
    };

    /// <summary>A hint naming another delimiter the line does contain (for "1 field found" errors), or "".</summary>
    public static string Hint(ReadOnlySpan<byte> line, byte expected)
    {
        foreach (var candidate in "\t,;|"u8)
            if (candidate != expected && line.Contains(candidate))
                return $"; the line contains {Name(candidate)}s: is the file {Name(candidate)}-separated?";
        return "";
    }
}
