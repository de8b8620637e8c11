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
    public EventTable Build() => new()
    {
        Users = _users.ToArray(), Items = _items.ToArray(), Kinds = _kinds.ToArray(),
        Timestamps = _timestamps.ToArray(), Sessions = _sessions.ToArray(), Values = _values.ToArray(),
    };
}
