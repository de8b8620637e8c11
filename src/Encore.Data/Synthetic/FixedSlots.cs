using Encore.Data.Model;

namespace Encore.Data.Synthetic;

/// <summary>
/// Per-user results written in parallel into fixed-width slots (width values per user, a count each),
/// packed afterwards into compact lists.
/// </summary>
internal static class FixedSlots
{
    public static IntLists Pack(int[] slots, int[] counts, int width)
    {
        var offsets = Offsets(counts);
        return new IntLists(offsets, Compact(slots, offsets, width));
    }

    public static float[] PackWeights(float[] slots, int[] counts, int width) => Compact(slots, Offsets(counts), width);

    private static int[] Offsets(int[] counts)
    {
        var offsets = new int[counts.Length + 1];
        for (var u = 0; u < counts.Length; u++) offsets[u + 1] = offsets[u] + counts[u];
        return offsets;
    }

    // Fixed-width slots (width per user) -> packed values at the given offsets.
    private static T[] Compact<T>(T[] slots, int[] offsets, int width)
    {
        var values = new T[offsets[^1]];
        for (var u = 0; u < offsets.Length - 1; u++)
            slots.AsSpan(u * width, offsets[u + 1] - offsets[u]).CopyTo(values.AsSpan(offsets[u]));
        return values;
    }
}
