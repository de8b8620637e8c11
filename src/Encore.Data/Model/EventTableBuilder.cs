namespace Encore.Data.Model;

/// <summary>Appends events column by column (amortised O(1), no per-event objects).</summary>
public sealed class EventTableBuilder
{
    private readonly List<int> _users;
    private readonly List<int> _items;
    private readonly List<EventKind> _kinds;
    private readonly List<long> _timestamps;
    private readonly List<long> _sessions;
    private readonly List<float> _values;

    public EventTableBuilder(int capacity = 0)
    {
        _users = new(capacity);
        _items = new(capacity);
        _kinds = new(capacity);
        _timestamps = new(capacity);
        _sessions = new(capacity);
        _values = new(capacity);
    }

    public int Count => _users.Count;

    public void Add(int user, int item, EventKind kind, long timestamp = Missing.Time, long session = Missing.Session, float value = Missing.Value)
    {
        _users.Add(user);
        _items.Add(item);
        _kinds.Add(kind);
        _timestamps.Add(timestamp);
        _sessions.Add(session);
        _values.Add(value);
    }

    public EventTable Build() => new()
    {
        Users = [.. _users], Items = [.. _items], Kinds = [.. _kinds],
        Timestamps = [.. _timestamps], Sessions = [.. _sessions], Values = [.. _values],
    };
}
