namespace Encore.Data.Model;

/// <summary>
/// Interaction log in columns: who (user), what (item at the dataset's <see cref="MusicDataset.ItemLevel"/>),
/// which kind, when (Unix ms, UTC; <see cref="Missing.Time"/> if unknown), in which session, with which value
/// (play count, rating; NaN when the kind carries none).
/// </summary>
public sealed class EventTable
{
    public required int[] Users { get; init; }
    public required int[] Items { get; init; }
    public required EventKind[] Kinds { get; init; }
    public required long[] Timestamps { get; init; }
    public required long[] Sessions { get; init; }
    public required float[] Values { get; init; }

    public int Count => Users.Length;

    public static EventTable Empty => new EventTableBuilder().Build();

    /// <summary>The rows at the given positions, in that order (used by splits).</summary>
    public EventTable Select(ReadOnlySpan<int> rows)
    {
        var b = new EventTableBuilder(rows.Length);
        foreach (var r in rows) b.Add(Users[r], Items[r], Kinds[r], Timestamps[r], Sessions[r], Values[r]);
        return b.Build();
    }
}
