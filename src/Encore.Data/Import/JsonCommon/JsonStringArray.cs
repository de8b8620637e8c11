using System.Text.Json;

namespace Encore.Data.Import.JsonCommon;

/// <summary>Reads a JSON array of strings (genre lists) from a reader positioned on its StartArray.</summary>
internal static class JsonStringArray
{
    /// <summary>
    /// Appends the strings to <paramref name="into"/>. Returns false (reader left at the offending element)
    /// when an element is not a string; null is not an array and must be handled by the caller.
    /// </summary>
    public static bool TryRead(ref Utf8JsonReader reader, List<string> into)
    {
        if (reader.TokenType != JsonTokenType.StartArray) return false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String) return false;
            into.Add(reader.GetString()!);
        }
        return true;
    }
}
