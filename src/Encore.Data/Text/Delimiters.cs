namespace Encore.Data.Text;

/// <summary>Delimiter bytes by name (settings and messages) and by file extension.</summary>
internal static class Delimiters
{
    /// <summary>Reads a setting value: "tab", "\t", ",", "comma", ";", "semicolon", "|", "pipe", ":", "colon", "space".</summary>
    public static byte? Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        null or "" => null,
        "TAB" or "\\T" => (byte)'\t',
        "," or "COMMA" => (byte)',',
        ";" or "SEMICOLON" => (byte)';',
        "|" or "PIPE" => (byte)'|',
        ":" or "COLON" => (byte)':',
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
        (byte)':' => "colon",
        (byte)' ' => "space",
        _ => $"byte 0x{delimiter:X2}",
    };

    /// <summary>
    /// How to read a '::'-separated file (MovieLens 1M / 10M's ratings.dat, <c>UserID::MovieID::Rating::Timestamp</c>): with
    /// delimiter=: each '::' reads as two fields around an empty one, so the columns are 0, 2, 4 and 6.
    /// </summary>
    public const string DoubleColonRecipe =
        "for a '::'-separated file (MovieLens 1M / 10M ratings.dat) set delimiter=: header=false user=0 item=2 value=4 time=6 time-unit=s (each '::' reads as two fields around an empty one)";

    /// <summary>A hint naming another delimiter the line does contain (for "1 field found" errors), or "".</summary>
    public static string Hint(ReadOnlySpan<byte> line, byte expected)
    {
        if (expected != (byte)':' && line.IndexOf("::"u8) >= 0) return $"; the line contains '::': {DoubleColonRecipe}";
        foreach (var candidate in "\t,;|"u8)
            if (candidate != expected && line.Contains(candidate))
                return $"; the line contains {Name(candidate)}s: is the file {Name(candidate)}-separated?";
        return "";
    }
}
