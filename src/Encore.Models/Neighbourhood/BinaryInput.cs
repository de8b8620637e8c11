using Encore.Core.Sparse;

namespace Encore.Models.Neighbourhood;

/// <summary>Applies <see cref="KnnOptions.BinaryInput"/> to training matrices and request-time histories.</summary>
internal static class BinaryInput
{
    public static CsrMatrix Apply(CsrMatrix interactions, KnnOptions options) =>
        options.BinaryInput ? interactions.MapValues(static _ => 1f) : interactions;

    public static ReadOnlySpan<float> Apply(ReadOnlySpan<float> values, KnnOptions options)
    {
        if (!options.BinaryInput) return values;
        var ones = new float[values.Length];
        ones.AsSpan().Fill(1f);
        return ones;
    }
}
