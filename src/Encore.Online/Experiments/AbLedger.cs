using Encore.Online.Feedback;

namespace Encore.Online.Experiments;

/// <summary>
/// The served lists of running experiments and the feedback attributed to them, in memory. Attribution rule: a
/// play, like or skip of track t by user u at time τ belongs to the newest list served to u that contains t,
/// served at or before τ and at most <see cref="AttributionWindow"/> earlier; each impression counts each kind at
/// most once (a track played twice from one list is one played impression). Other events are ignored.
/// Thread-safe, in memory: the simulation's and offline replay's ledger (the service keeps the same rule in the
/// store, <see cref="Store.IExperimentStore.Attribute"/>).
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
                var flag = ImpressionOutcomes.Of(e.Kind);
                if (flag == ImpressionOutcome.None || !_byUser.TryGetValue(e.User, out var lists)) continue;
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

    /// <summary>One variant's impressions grouped by user and outcome (the same shape as <see cref="Store.IExperimentStore.OutcomeCounts"/>).</summary>
    public IReadOnlyList<OutcomeCount> OutcomeCounts(string experiment, string variant)
    {
        lock (_gate)
        {
            var counts = new Dictionary<(string User, ImpressionOutcome Outcome), long>();
            foreach (var state in _lists.Values)
            {
                if (state.List.Experiment != experiment || state.List.Variant != variant) continue;
                foreach (var o in state.Outcomes)
                    counts[(state.List.User, o)] = counts.GetValueOrDefault((state.List.User, o)) + 1;
            }
            return [.. counts.OrderBy(c => c.Key.User, StringComparer.Ordinal).ThenBy(c => c.Key.Outcome).Select(c => new OutcomeCount(c.Key.User, c.Key.Outcome, c.Value))];
        }
    }

    /// <summary>The variant a served list belongs to, or null for an unknown list id.</summary>
    public ServedList? Find(string listId)
    {
        lock (_gate) return _lists.TryGetValue(listId, out var state) ? state.List : null;
    }

    private sealed class ListState(ServedList list)
    {
        public ServedList List { get; } = list;

        public ImpressionOutcome[] Outcomes { get; } = new ImpressionOutcome[list.Tracks.Count];

        public int IndexOf(string track)
        {
            for (var i = 0; i < List.Tracks.Count; i++)
                if (string.Equals(List.Tracks[i], track, StringComparison.Ordinal)) return i;
            return -1;
        }
    }
}
