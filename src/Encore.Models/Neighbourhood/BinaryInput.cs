using Encore.Core.Sparse;

namespace Encore.Models.Neighbourhood;

/// <summary>Applies <see cref="KnnOptions.BinaryInput"/> to training matrices and request-time histories.</summary>
internal static class BinaryInput
{
    public static CsrMatrix Apply(CsrMatrix interactions, KnnOptions options) =>
        options.BinaryInput ? interactions.MapValues(static v => v > 0 ? 1f : v) : interactions; // non-positive totals stay as they are: seen, no signal

    public static ReadOnlySpan<float> Apply(ReadOnlySpan<float> values, KnnOptions options)
    {
        if (!options.BinaryInput) return values;
        var ones = new float[values.Length];
        for (var i = 0; i < ones.Length; i++) ones[i] = values[i] > 0 ? 1f : 0f; // a non-positive value stays no signal
        return ones;
    }
}
