using Encore.Core.Randomness;

namespace Encore.Data.Splits;

/// <summary>Marks k of n positions chosen uniformly without replacement (partial Fisher-Yates).</summary>
internal static class RowSampler
{
    /// <summary>Sets <paramref name="marks"/>[j] = <paramref name="label"/> for k random j in [0, n).</summary>
    public static void Mark(ref Rng rng, int n, int k, Span<byte> marks, byte label, int[] scratch)
    {
        var positions = scratch.AsSpan(0, n);
        for (var j = 0; j < n; j++) positions[j] = j;
        for (var j = 0; j < k; j++)
        {
            var pick = j + rng.NextInt(n - j);
            (positions[j], positions[pick]) = (positions[pick], positions[j]);
            marks[positions[j]] = label;
        }
    }
}
