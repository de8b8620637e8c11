using Encore.Core.Sparse;

namespace Encore.Models.Neighbourhood;

/// <summary>Applies <see cref="KnnOptions.BinaryInput"/> to training matrices and request-time histories.</summary>
internal static class BinaryInput
{
    /// <summary>With <see cref="KnnOptions.BinaryInput"/>, every positive value becomes 1 (non-positive totals stay as they
    /// are: seen, no signal); the matrix itself when that changes nothing (already binary, e.g. a <c>--binary</c> bench).</summary>
    public static CsrMatrix Apply(CsrMatrix interactions, KnnOptions options) =>
        options.BinaryInput && !IsBinary(interactions.Values) ? interactions.MapValues(static v => v > 0 ? 1f : v) : interactions;

    // True when the map above leaves every value as it is: each positive value is already 1.
    private static bool IsBinary(ReadOnlySpan<float> values)
    {
        foreach (var v in values)
            if (v > 0 && v != 1f) return false;
        return true;
    }

    public static ReadOnlySpan<float> Apply(ReadOnlySpan<float> values, KnnOptions options)
    {
        if (!options.BinaryInput) return values;
        var ones = new float[values.Length];
        for (var i = 0; i < ones.Length; i++) ones[i] = values[i] > 0 ? 1f : 0f; // a non-positive value stays no signal
        return ones;
    }
}
