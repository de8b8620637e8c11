using System.Text.Json;

namespace Encore.Data.Import.JsonCommon;

/// <summary>Reads scalar JSON values the lenient way our sources need (integers printed as 1.0 or 1e3, unescaping into scratch).</summary>
internal static class JsonScalar
{
    /// <summary>An integral JSON number (also <c>12.0</c> or <c>1.2e1</c>) as a long.</summary>
    public static bool TryGetInteger(ref readonly Utf8JsonReader reader, out long value)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.Number) return false;
        if (reader.TryGetInt64(out value)) return true;
        if (!reader.TryGetDouble(out var d) || d != Math.Floor(d) || Math.Abs(d) > 9.007199254740992e15) return false;
        value = (long)d;
        return true;
    }

    /// <summary>An integral JSON number that fits an int.</summary>
    public static bool TryGetInt32(ref readonly Utf8JsonReader reader, out int value)
    {
        value = 0;
        if (!TryGetInteger(in reader, out var v) || v is < int.MinValue or > int.MaxValue) return false;
        value = (int)v;
        return true;
    }

    /// <summary>A JSON number as a float (exponent forms accepted).</summary>
    public static bool TryGetFloat(ref readonly Utf8JsonReader reader, out float value)
    {
        value = float.NaN;
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var d)) return false;
        value = (float)d;
        return true;
    }

    /// <summary>
    /// The UTF-8 bytes of a string token, unescaped into <paramref name="scratch"/> when needed. Returns false
    /// when the token is not a string or does not fit the scratch.
    /// </summary>
    public static bool TryGetUtf8(ref readonly Utf8JsonReader reader, Span<byte> scratch, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String) return false;
        if (!reader.ValueIsEscaped)
        {
            value = reader.ValueSpan;
            return true;
        }
        if (reader.ValueSpan.Length > scratch.Length) return false;
        value = scratch[..reader.CopyString(scratch)];
        return true;
    }

    /// <summary>The UTF-16 chars of a string token copied into <paramref name="scratch"/> (no allocation).</summary>
    public static bool TryGetChars(ref readonly Utf8JsonReader reader, Span<char> scratch, out ReadOnlySpan<char> value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length > scratch.Length) return false;
        value = scratch[..reader.CopyString(scratch)];
        return true;
    }

    /// <summary>A short, printable description of the current token for error messages.</summary>
    public static string Describe(ref readonly Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"string \"{Shorten(System.Text.Encoding.UTF8.GetString(reader.ValueSpan))}\"",
        JsonTokenType.Number => $"number {Shorten(System.Text.Encoding.UTF8.GetString(reader.ValueSpan))}",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        _ => reader.TokenType.ToString(),
    };

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
