using Encore.Data.Model;
using Encore.Online.Feedback;

namespace Encore.Online.Experiments;

/// <summary>
/// The served lists of running experiments and the feedback attributed to them, in memory. Attribution rule: a
/// play, like or skip of track t by user u at time τ belongs to the newest list served to u that contains t,
/// served at or before τ and at most <see cref="AttributionWindow"/> earlier; each impression counts each kind at
/// most once (a track played twice from one list is one played impression). Other events are ignored.
/// Thread-safe. Not persisted: a restart starts the experiment's counts afresh (a store table is not built yet).
/// </summary>
public sealed class AbLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ListState> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ListState>> _byUser = new(StringComparer.Ordinal);

    /// <param name="attributionWindow">How long after serving a list its tracks collect feedback.</param>
    public AbLedger(TimeSpan attributionWindow)
    {
        if (attributionWindow <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(attributionWindow), attributionWindow, "expected a positive window.");
        AttributionWindow = attributionWindow;
    }

    public TimeSpan AttributionWindow { get; }

    /// <summary>Records a served list (its tracks are its impressions).</summary>
    /// <exception cref="ArgumentException">A list with the same id was recorded before.</exception>
    public void Record(ServedList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        lock (_gate)
        {
            if (_lists.ContainsKey(list.ListId)) throw new ArgumentException($"list id '{list.ListId}' was recorded before.", nameof(list));
            var state = new ListState(list);
            _lists.Add(list.ListId, state);
            if (!_byUser.TryGetValue(list.User, out var lists)) _byUser[list.User] = lists = [];
            lists.Add(state);
        }
    }

    /// <summary>Attributes accepted events to the lists that showed their tracks; returns how many were attributed.</summary>
    public int Attribute(IEnumerable<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var window = (long)AttributionWindow.TotalMilliseconds;
        var attributed = 0;
        lock (_gate)
        {
            foreach (var e in events)
            {
                var flag = e.Kind switch { EventKind.Play => Outcome.Played, EventKind.Like => Outcome.Liked, EventKind.Skip => Outcome.Skipped, _ => Outcome.None };
                if (flag == Outcome.None || !_byUser.TryGetValue(e.User, out var lists)) continue;
                for (var i = lists.Count - 1; i >= 0; i--)
                {
                    var list = lists[i];
                    if (list.List.ServedMs > e.TimestampMs || e.TimestampMs - list.List.ServedMs > window) continue;
                    var position = list.IndexOf(e.Track);
                    if (position < 0) continue;
                    list.Outcomes[position] |= flag;
                    attributed++;
                    break;
                }
            }
        }
        return attributed;
    }

    /// <summary>Per-user totals of one experiment's variant: (user, impressions, played, liked, skipped) impressions.</summary>
    public IReadOnlyList<UserTotals> Totals(string experiment, string variant)
    {
        lock (_gate)
        {
            var totals = new Dictionary<string, UserTotals>(StringComparer.Ordinal);
            foreach (var state in _lists.Values)
            {
                if (state.List.Experiment != experiment || state.List.Variant != variant) continue;
                var t = totals.GetValueOrDefault(state.List.User, new UserTotals(state.List.User, 0, 0, 0, 0));
                int played = 0, liked = 0, skipped = 0;
                foreach (var o in state.Outcomes)
                {
                    if ((o & Outcome.Played) != 0) played++;
                    if ((o & Outcome.Liked) != 0) liked++;
                    if ((o & Outcome.Skipped) != 0) skipped++;
                }
                totals[state.List.User] = t with
                {
                    Impressions = t.Impressions + state.Outcomes.Length,
                    Played = t.Played + played,
                    Liked = t.Liked + liked,
                    Skipped = t.Skipped + skipped,
                };
            }
            return [.. totals.Values];
        }
    }

    /// <summary>The variant a served list belongs to, or null for an unknown list id.</summary>
    public ServedList? Find(string listId)
    {
        lock (_gate) return _lists.TryGetValue(listId, out var state) ? state.List : null;
    }

    [Flags]
    private enum Outcome : byte
    {
        None = 0,
        Played = 1,
        Liked = 2,
        Skipped = 4,
    }

    private sealed class ListState(ServedList list)
    {
        public ServedList List { get; } = list;

        public Outcome[] Outcomes { get; } = new Outcome[list.Tracks.Count];

        public int IndexOf(string track)
        {
            for (var i = 0; i < List.Tracks.Count; i++)
                if (string.Equals(List.Tracks[i], track, StringComparison.Ordinal)) return i;
            return -1;
        }
    }
}

/// <summary>One user's impressions in one variant and how many of them were played, liked or skipped.</summary>
public sealed record UserTotals(string User, int Impressions, int Played, int Liked, int Skipped);
