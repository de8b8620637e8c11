using System.Buffers.Text;
using System.Runtime.CompilerServices;

namespace Encore.Data.Text;

/// <summary>
/// Parses whole UTF-8 fields as invariant-culture numbers (Utf8Parser never looks at the current culture).
/// A field parses only if every byte is consumed: "12a" and "" are refused. Plain digit strings (the
/// common case: ids, counts, epoch times) take a short loop before falling back to Utf8Parser.
/// </summary>
internal static class Utf8Numbers
{
    public static bool TryInt(ReadOnlySpan<byte> field, out int value)
    {
        if (TryDigits(field, 9, out var v)) { value = (int)v; return true; }
        return Utf8Parser.TryParse(field, out value, out var used) && used == field.Length;
    }

    public static bool TryLong(ReadOnlySpan<byte> field, out long value)
    {
        if (TryDigits(field, 18, out value)) return true;
        return Utf8Parser.TryParse(field, out value, out var used) && used == field.Length;
    }

    public static bool TryFloat(ReadOnlySpan<byte> field, out float value)
    {
        if (TryDigits(field, 7, out var v)) { value = v; return true; }
        return Utf8Parser.TryParse(field, out value, out var used) && used == field.Length && float.IsFinite(value);
    }

    public static bool TryDouble(ReadOnlySpan<byte> field, out double value)
    {
        if (TryDigits(field, 15, out var v)) { value = v; return true; }
        return Utf8Parser.TryParse(field, out value, out var used) && used == field.Length && double.IsFinite(value);
    }

    /// <summary>Unsigned decimal digits only, at most <paramref name="maxDigits"/> (so the value is exact and cannot overflow).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryDigits(ReadOnlySpan<byte> field, int maxDigits, out long value)
    {
        value = 0;
        if (field.IsEmpty || field.Length > maxDigits) return false;
        foreach (var b in field)
        {
            var d = (uint)(b - '0');
            if (d > 9) { value = 0; return false; }
            value = value * 10 + d;
        }
        return true;
    }
}
