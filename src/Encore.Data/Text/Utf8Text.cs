using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Encore.Data.Text;

/// <summary>
/// Turns UTF-8 field bytes into chars strictly: invalid sequences are refused (never replaced by U+FFFD),
/// with an ASCII fast path. Latin-1 files are decoded byte-for-char instead.
/// </summary>
internal static class Utf8Text
{
    /// <summary>Transcodes into <paramref name="destination"/> (at least <paramref name="source"/>.Length chars); false on invalid UTF-8.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> source, Span<char> destination, out int written)
    {
        if (Ascii.ToUtf16(source, destination, out written) == OperationStatus.Done) return true;
        return Utf8.ToUtf16(source, destination, out _, out written, replaceInvalidSequences: false) == OperationStatus.Done;
    }

    /// <summary>A string of the field, or null when it is not valid UTF-8.</summary>
    public static string? TryString(ReadOnlySpan<byte> source)
    {
        if (source.IsEmpty) return "";
        if (Ascii.IsValid(source)) return Encoding.ASCII.GetString(source);
        return Utf8.IsValid(source) ? Encoding.UTF8.GetString(source) : null;
    }

    public static string Latin1(ReadOnlySpan<byte> source) => Encoding.Latin1.GetString(source);

    /// <summary>A short printable excerpt of a bad field for error messages (invalid bytes shown as \xNN).</summary>
    public static string Excerpt(ReadOnlySpan<byte> source, int max = 40)
    {
        var cut = source.Length > max ? source[..max] : source;
        var sb = new StringBuilder(cut.Length + 3);
        foreach (var b in cut)
        {
            if (b is >= 0x20 and < 0x7f) sb.Append((char)b);
            else sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{b:X2}");
        }
        if (cut.Length < source.Length) sb.Append('…');
        return sb.ToString();
    }
}
