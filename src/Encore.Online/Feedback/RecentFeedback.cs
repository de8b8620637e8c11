using System.Collections.Concurrent;
using Encore.Online.Store;

namespace Encore.Online.Feedback;

/// <summary>
/// The feedback each user gave, in memory, so serving can leave out what a user has already heard or rejected
/// before the next retrain puts it in the model. A user's entry is read from the durable event store on first use
/// (their newest events, at most the per-user limit) and then kept current by <see cref="Observe"/> after each
/// committed batch; so after a restart it is rebuilt from the store, and it holds only users served or heard from
/// since the start. One process's view: a cluster serves from its user grains' events instead.
/// </summary>
public sealed class RecentFeedback
{
    private readonly IEventStore _events;
    private readonly int _limit;
    private readonly ConcurrentDictionary<string, UserFeedback> _users = new(StringComparer.Ordinal);

    /// <param name="events">The durable event store.</param>
    /// <param name="limit">Most events read, and tracks held, per user (serving.max_list_length).</param>
    public RecentFeedback(IEventStore events, int limit)
    {
        _events = events ?? throw new ArgumentNullException(nameof(events));
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        _limit = limit;
    }

    /// <summary>Per-user limit of events read and tracks held.</summary>
    public int Limit => _limit;

    /// <summary>Users held in memory.</summary>
    public int Users => _users.Count;

    /// <summary>The user's feedback, read from the store on first use.</summary>
    public UserFeedback For(string user) => _users.GetOrAdd(user, u => UserFeedback.From(_events.HistoryOf(u, _limit), _limit));

    /// <summary>
    /// Adds a committed batch's accepted events (<see cref="EventOutcome.Accepted"/>; duplicates are already held).
    /// A user not yet held is read from the store first, which already has the batch: adding an event twice is harmless.
    /// </summary>
    public void Observe(IReadOnlyList<StoredEvent> events, IReadOnlyList<EventOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(outcomes);
        for (var i = 0; i < events.Count; i++)
            if (outcomes[i] == EventOutcome.Accepted) For(events[i].User).Add(events[i]);
    }
}
