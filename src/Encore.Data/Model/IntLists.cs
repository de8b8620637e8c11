namespace Encore.Data.Model;

/// <summary>
/// A list of int lists in CSR form (offsets + flat values): genres per track, tracks per playlist.
/// Compact and allocation-free to read; entry i is <c>Values[Offsets[i]..Offsets[i + 1]]</c>.
/// </summary>
public sealed class IntLists
{
    public IntLists(int[] offsets, int[] values)
    {
        if (offsets.Length == 0 || offsets[0] != 0 || offsets[^1] != values.Length)
            throw new ArgumentException("offsets must start at 0 and end at values.Length.", nameof(offsets));
        Offsets = offsets;
        Values = values;
    }

    public static IntLists Empty(int count) => new(new int[count + 1], []);

    public int Count => Offsets.Length - 1;

    public int[] Offsets { get; }

    public int[] Values { get; }

    public ReadOnlySpan<int> this[int index] => Values.AsSpan(Offsets[index], Offsets[index + 1] - Offsets[index]);

    /// <summary>Builds from per-entry lists (null = empty).</summary>
    public static IntLists From(IReadOnlyList<IReadOnlyList<int>?> lists)
    {
        var offsets = new int[lists.Count + 1];
        for (var i = 0; i < lists.Count; i++) offsets[i + 1] = offsets[i] + (lists[i]?.Count ?? 0);
        var values = new int[offsets[^1]];
        for (var i = 0; i < lists.Count; i++)
        {
            var list = lists[i];
            if (list is null) continue;
            for (var j = 0; j < list.Count; j++) values[offsets[i] + j] = list[j];
        }
        return new IntLists(offsets, values);
    }

    public bool ContentEquals(IntLists other) =>
        Offsets.AsSpan().SequenceEqual(other.Offsets) && Values.AsSpan().SequenceEqual(other.Values);
}
