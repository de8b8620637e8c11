namespace Encore.Data.Model;

/// <summary>Appends ratings column by column.</summary>
public sealed class RatingTableBuilder
{
    private readonly List<int> _users = [];
    private readonly List<EntityLevel> _levels = [];
    private readonly List<int> _targets = [];
    private readonly List<float> _values = [];
    private readonly List<long> _timestamps = [];

    public int Count => _users.Count;

    public void Add(int user, EntityLevel level, int target, float value, long timestamp = Missing.Time)
    {
        _users.Add(user);
        _levels.Add(level);
        _targets.Add(target);
        _values.Add(value);
        _timestamps.Add(timestamp);
    }

    public RatingTable Build() => new()
    {
        Users = [.. _users],
        Levels = [.. _levels],
        Targets = [.. _targets],
        Values = [.. _values],
        Timestamps = [.. _timestamps],
    };
}
