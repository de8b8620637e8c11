using System.Buffers.Text;

namespace Encore.Data.Text;

/// <summary>
/// Parses whole UTF-8 fields as invariant-culture numbers (Utf8Parser never looks at the current culture).
/// A field parses only if every byte is consumed: "12a" and "" are refused.
/// </summary>
internal static class Utf8Numbers
{
    public static bool TryInt(ReadOnlySpan<byte> field, out int value) =>
        Utf8Parser.TryParse(field, out value, out var used) && used == field.Length;

    public static bool TryLong(ReadOnlySpan<byte> field, out long value) =>
        Utf8Parser.TryParse(field, out value, out var used) && used == field.Length;

    public static bool TryFloat(ReadOnlySpan<byte> field, out float value) =>
        Utf8Parser.TryParse(field, out value, out var used) && used == field.Length && float.IsFinite(value);

    public static bool TryDouble(ReadOnlySpan<byte> field, out double value) =>
        Utf8Parser.TryParse(field, out value, out var used) && used == field.Length && double.IsFinite(value);
}
