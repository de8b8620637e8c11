using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Encore.Data.Import.Mpd;

/// <summary>
/// A reusable copy of one string value (unescaped UTF-8), so a track object's fields can arrive in any order
/// and be turned into strings only when the entity is new.
/// </summary>
internal sealed class MpdUtf8Field
{
    private byte[] _bytes = new byte[128];

    public int Length { get; private set; }

    public bool Present { get; private set; }

    public ReadOnlySpan<byte> Value => _bytes.AsSpan(0, Length);

    public void Clear()
    {
        Present = false;
        Length = 0;
    }

    /// <summary>Copies a string token; false when the token is not a string (null leaves the field absent) or not valid UTF-8.</summary>
    public bool TrySet(ref readonly Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (reader.TokenType != JsonTokenType.String) return false;
        var need = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (need > _bytes.Length) _bytes = new byte[Math.Max(need, _bytes.Length * 2)];
        try
        {
            Length = reader.CopyString(_bytes);
        }
        catch (InvalidOperationException)
        {
            return false; // CopyString refuses invalid UTF-8
        }
        Present = true;
        return Utf8.IsValid(Value);
    }

    public string? Text() => Present ? Encoding.UTF8.GetString(Value) : null;
}
