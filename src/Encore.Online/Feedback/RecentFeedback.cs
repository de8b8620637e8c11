using System.Collections.Concurrent;
using Encore.Online.Store;

namespace Encore.Online.Feedback;

/// <summary>
/// The feedback each user gave, in memory, so serving can leave out what a user has already heard or rejected
/// before the next retrain puts it in the model. A user's entry is read from the durable event store on first use
/// (their newest events, at most the per-user limit) and then kept current by <see cref="Observe"/> after each
/// committed batch; so after a restart it is rebuilt from the store. At most <see cref="MaxUsers"/> users are held
/// (<c>serving.recent_feedback_users</c>): beyond it the least recently used are dropped and read from the store again
/// on their next use, so only memory is bounded, never what serving leaves out. One process's view: a cluster serves
/// from its user grains' events instead.
/// </summary>
/// <remarks>
/// Thread-safe and lock-cheap: a hit is one lock-free lookup and one interlocked tick; when the count passes the bound,
/// one caller drops the oldest eighth in a batch (others do not wait), so the cost of eviction is shared over many
/// new users. An event added to an entry while it is dropped is not lost: it is already in the store.
/// </remarks>
public sealed class RecentFeedback
{
    /// <summary>Default of <see cref="MaxUsers"/> (serving.recent_feedback_users): 100,000 users.</summary>
    public const int DefaultMaxUsers = 100_000;

    private readonly IEventStore _events;
    private readonly int _limit;
    private readonly ConcurrentDictionary<string, Entry> _users = new(StringComparer.Ordinal);
    private readonly object _evicting = new();
    private readonly int _maxUsers;
    private int _count;
    private long _clock;

    /// <param name="events">The durable event store.</param>
    /// <param name="limit">Most events read, and tracks held, per user (serving.max_list_length).</param>
    /// <param name="maxUsers">Most users held (serving.recent_feedback_users, &gt;= 1). Default <see cref="DefaultMaxUsers"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> or <paramref name="maxUsers"/> is below 1.</exception>
    public RecentFeedback(IEventStore events, int limit, int maxUsers = DefaultMaxUsers)
    {
        _events = events ?? throw new ArgumentNullException(nameof(events));
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxUsers, 1);
        _limit = limit;
        _maxUsers = maxUsers;
    }

    /// <summary>Per-user limit of events read and tracks held.</summary>
    public int Limit => _limit;

    /// <value>
    /// Most users held (&gt;= 1), the constructor's maxUsers (the service passes <see cref="OnlineOptions.RecentFeedbackUsers"/>);
    /// the least recently used beyond it are dropped (and read from the store again when next used).
    /// </value>
    public int MaxUsers => _maxUsers;

    /// <summary>Users held in memory (at most <see cref="MaxUsers"/> once no call is running).</summary>
    public int Users => Volatile.Read(ref _count);

    /// <summary>The user's feedback, read from the store on first use (and again after the user was dropped).</summary>
    public UserFeedback For(string user)
    {
        if (_users.TryGetValue(user, out var held))
        {
            held.Touch(Interlocked.Increment(ref _clock));
            return held.Feedback;
        }
        var fresh = new Entry(UserFeedback.From(_events.HistoryOf(user, _limit), _limit), Interlocked.Increment(ref _clock));
        var entry = _users.GetOrAdd(user, fresh);
        if (!ReferenceEquals(entry, fresh)) entry.Touch(Interlocked.Increment(ref _clock));
        else if (Interlocked.Increment(ref _count) > MaxUsers) Evict();
        return entry.Feedback;
    }

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

    // Drops the least recently used users down to 7/8 of the bound (the bound itself below 8), so the next eviction
    // is an eighth of the bound of new users away. One thread evicts at a time and the others carry on; the evicting
    // thread checks the count again after letting go, so a user added while it worked cannot leave the bound passed.
    private void Evict()
    {
        while (Volatile.Read(ref _count) > MaxUsers)
        {
            if (!Monitor.TryEnter(_evicting)) return;
            int removed;
            try
            {
                // The first pass spares users used since its snapshot. If it spared them all (this thread was held up
                // while the others went on), the second drops the snapshot's oldest anyway: they are read back from the
                // store on next use, whereas giving up could leave the bound passed with no new user left to retry it.
                removed = DropLeastRecent(spareUsedSince: true);
                if (removed == 0) removed = DropLeastRecent(spareUsedSince: false);
            }
            finally
            {
                Monitor.Exit(_evicting);
            }
            if (removed == 0) return; // nothing held to drop
        }
    }

    private int DropLeastRecent(bool spareUsedSince)
    {
        var keep = MaxUsers - MaxUsers / 8;
        var excess = Volatile.Read(ref _count) - keep;
        if (excess <= 0) return 0;
        var seen = new List<(long Tick, KeyValuePair<string, Entry> User)>(keep + excess);
        foreach (var pair in _users) seen.Add((pair.Value.LastUse, pair));
        seen.Sort(static (a, b) => a.Tick.CompareTo(b.Tick));
        var removed = 0;
        for (var i = 0; i < Math.Min(excess, seen.Count); i++)
        {
            var (tick, user) = seen[i];
            if (spareUsedSince && user.Value.LastUse != tick) continue;
            // Removes only the entry seen: a user read back meanwhile is a new entry.
            if (_users.TryRemove(user))
            {
                Interlocked.Decrement(ref _count);
                removed++;
            }
        }
        return removed;
    }

    private sealed class Entry(UserFeedback feedback, long tick)
    {
        private long _lastUse = tick;

        public UserFeedback Feedback { get; } = feedback;

        public long LastUse => Volatile.Read(ref _lastUse);

        public void Touch(long tick) => Volatile.Write(ref _lastUse, tick);
    }
}
