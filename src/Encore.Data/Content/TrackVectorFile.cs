namespace Encore.Data.Content;

/// <summary>
/// Track vectors read from a foreign file: one external track id per row and a row-major
/// <see cref="Ids"/>.Length x <see cref="Dimension"/> block of float values.
/// </summary>
public sealed class TrackVectorFile
{
    public TrackVectorFile(string[] ids, int dimension, float[] values)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(values);
        if ((long)ids.Length * dimension != values.Length)
            throw new ArgumentException($"{ids.Length} ids x {dimension} dimensions needs {(long)ids.Length * dimension} values, got {values.Length}.", nameof(values));
        Ids = ids;
        Dimension = dimension;
        Values = values;
    }

    /// <summary>External track id of each row.</summary>
    public string[] Ids { get; }

    /// <summary>Vector width (&gt; 0).</summary>
    public int Dimension { get; }

    /// <summary>Row-major values, one row per id.</summary>
    public float[] Values { get; }

    public ReadOnlySpan<float> Row(int i) => Values.AsSpan(i * Dimension, Dimension);
}
