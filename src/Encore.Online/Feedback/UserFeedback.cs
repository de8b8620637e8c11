using Encore.Data.Model;

namespace Encore.Online.Feedback;

/// <summary>
/// One user's tracks from their stored feedback: for each track the kind and time of its newest event. A track is
/// <em>rejected</em> while its newest event is a skip or a dislike (a later play, like or other event lifts it).
/// Holds at most a fixed number of tracks: beyond it the tracks whose newest event is oldest are dropped. Thread-safe.
/// </summary>
public sealed class UserFeedback
{
    private readonly Dictionary<string, (EventKind Kind, long TimestampMs)> _tracks = new(StringComparer.Ordinal);
    private readonly int _limit;

    /// <param name="limit">Most tracks kept (&gt;= 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is below 1.</exception>
    public UserFeedback(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        _limit = limit;
    }

    /// <summary>The feedback of <paramref name="events"/> (any order), keeping at most <paramref name="limit"/> tracks.</summary>
    public static UserFeedback From(IEnumerable<StoredEvent> events, int limit)
    {
        ArgumentNullException.ThrowIfNull(events);
        var result = new UserFeedback(limit);
        foreach (var e in events) result.Add(e);
        return result;
    }

    /// <summary>Number of tracks held.</summary>
    public int Count
    {
        get
        {
            lock (_tracks) return _tracks.Count;
        }
    }

    /// <summary>Records one event: it becomes its track's newest unless that track has a strictly newer one.</summary>
    public void Add(StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        lock (_tracks)
        {
            // Ties go to the event added last, so replaying events in arrival order keeps the last word.
            if (_tracks.TryGetValue(e.Track, out var held) && held.TimestampMs > e.TimestampMs) return;
            _tracks[e.Track] = (e.Kind, e.TimestampMs);
            // Trim in steps of a quarter of the limit, so a full user costs one sort per limit/4 new tracks, not per event.
            if (_tracks.Count > _limit + Math.Max(1, _limit / 4))
                foreach (var old in _tracks.OrderBy(t => t.Value.TimestampMs).Take(_tracks.Count - _limit).Select(t => t.Key).ToList())
                    _tracks.Remove(old);
        }
    }

    /// <summary>
    /// The tracks a recommendation for this user must leave out: every track with feedback when
    /// <paramref name="excludeSeen"/>, else only the rejected ones (newest event a skip or dislike).
    /// </summary>
    public string[] Avoid(bool excludeSeen)
    {
        lock (_tracks)
            return excludeSeen ? [.. _tracks.Keys] : [.. _tracks.Where(t => IsRejection(t.Value.Kind)).Select(t => t.Key)];
    }

    /// <summary>True for the kinds that reject a track: skip and dislike.</summary>
    public static bool IsRejection(EventKind kind) => kind is EventKind.Skip or EventKind.Dislike;
}
