namespace Encore.Data.Model;

/// <summary>Sentinels for missing values in the columnar tables (explicit, never silently zero).</summary>
public static class Missing
{
    /// <summary>A missing link to another entity (artist, album, owner...).</summary>
    public const int Id = -1;

    /// <summary>A missing timestamp.</summary>
    public const long Time = long.MinValue;

    /// <summary>A missing session.</summary>
    public const long Session = -1;

    /// <summary>Missing flag in tri-state byte columns (explicit, premium): -1 unknown, 0 false, 1 true.</summary>
    public const sbyte Flag = -1;

    /// <summary>Missing float value (popularity, audio features, event value).</summary>
    public const float Value = float.NaN;
}
