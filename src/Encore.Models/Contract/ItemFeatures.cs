namespace Encore.Models.Contract;

/// <summary>
/// Content vectors of the items (audio features, embeddings): row-major Count x <see cref="Dimension"/>
/// floats aligned with the item id map. NaN marks a missing value; an all-NaN row is an item without content.
/// </summary>
public sealed class ItemFeatures
{
    /// <exception cref="ArgumentException">The value count is not a multiple of <paramref name="dimension"/>, or the names do not match it.</exception>
    public ItemFeatures(int dimension, float[] values, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        if (values.Length % dimension != 0)
            throw new ArgumentException($"{values.Length} feature values are not a whole number of {dimension}-wide rows.", nameof(values));
        if (names is not null && names.Count != dimension)
            throw new ArgumentException($"{names.Count} feature names for {dimension} columns.", nameof(names));
        Dimension = dimension;
        Values = values;
        Names = names ?? [.. Enumerable.Range(0, dimension).Select(j => $"f{j}")];
    }

    public int Dimension { get; }

    /// <summary>Row-major values; treat as read-only.</summary>
    public float[] Values { get; }

    /// <summary>One name per column (e.g. "energy", "embedding[3]").</summary>
    public IReadOnlyList<string> Names { get; }

    public int Count => Values.Length / Dimension;

    public ReadOnlySpan<float> Row(int item) => Values.AsSpan(item * Dimension, Dimension);
}
