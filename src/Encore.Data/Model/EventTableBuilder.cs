namespace Encore.Data.Model;

/// <summary>Appends events column by column (O(1), no per-event objects, no copying on growth).</summary>
public sealed class EventTableBuilder
{
    private readonly ChunkedColumn<int> _users = new();
    private readonly ChunkedColumn<int> _items = new();
    private readonly ChunkedColumn<EventKind> _kinds = new();
    private readonly ChunkedColumn<long> _timestamps = new();
    private readonly ChunkedColumn<long> _sessions = new();
    private readonly ChunkedColumn<float> _values = new();

    /// <param name="capacity">Ignored (columns grow in chunks without copying); kept for callers that know the size.</param>
    public EventTableBuilder(int capacity = 0) => _ = capacity;

    public int Count => (int)_users.Count;

    public void Add(int user, int item, EventKind kind, long timestamp = Missing.Time, long session = Missing.Session, float value = Missing.Value)
    {
        _users.Add(user);
        _items.Add(item);
        _kinds.Add(kind);
        _timestamps.Add(timestamp);
        _sessions.Add(session);
        _values.Add(value);
    }

    /// <summary>Freezes the columns; the builder is empty afterwards.</summary>
    public EventTable Build() => Build(removeExactDuplicates: false, out _);

    /// <summary>
    /// Freezes the columns, optionally dropping exact repeated rows (first occurrence kept, order preserved).
    /// Columns are frozen one at a time and each column's chunks are reclaimed before the next is copied,
    /// so the build peaks near one copy of the final arrays.
    /// </summary>
    public EventTable Build(bool removeExactDuplicates, out int removed)
    {
        var columns = new Columns(_users, _items, _kinds, _timestamps, _sessions, _values);
        removed = 0;
        var large = Count > 1 << 22;
        if (large && removeExactDuplicates) GC.Collect(2, GCCollectionMode.Forced, blocking: true); // parse garbage out before the fingerprints
        var keep = removeExactDuplicates ? DuplicateEvents.FirstOccurrences(columns, out removed) : null;
        var length = Count - removed;
        var users = Freeze(_users, keep, length, large);
        var items = Freeze(_items, keep, length, large);
        var kinds = Freeze(_kinds, keep, length, large);
        var timestamps = Freeze(_timestamps, keep, length, large);
        var sessions = Freeze(_sessions, keep, length, large);
        var values = Freeze(_values, keep, length, large);
        return new EventTable { Users = users, Items = items, Kinds = kinds, Timestamps = timestamps, Sessions = sessions, Values = values };
    }

    private static T[] Freeze<T>(ChunkedColumn<T> column, bool[]? keep, int length, bool reclaim)
    {
        var array = column.ToArray(keep, length);
        // The released chunks live on the large-object heap, which only a full collection frees; for big
        // tables collect now so the next column's copy reuses that memory instead of growing the process.
        if (reclaim) GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        return array;
    }

    /// <summary>Read access to the unfrozen columns (for bulk duplicate detection).</summary>
    internal readonly record struct Columns(ChunkedColumn<int> Users, ChunkedColumn<int> Items, ChunkedColumn<EventKind> Kinds,
        ChunkedColumn<long> Timestamps, ChunkedColumn<long> Sessions, ChunkedColumn<float> Values);
}
