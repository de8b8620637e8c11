using Encore.Data.Model;
using Encore.Online.Store;

namespace Encore.Online.Dashboard;

/// <summary>Merges a user's stored events and base-dataset events into per-track rows.</summary>
internal static class UserHistoryBuilder
{
    // Stored events read per user: enough for any listener the explorer is used on.
    private const int MaxStoredEvents = 100_000;

    public static UserHistory Build(string user, IEventStore events, BaseUserIndex? baseUsers, TrackLabeller labeller, int limit)
    {
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        long total = 0;
        if (baseUsers is not null)
        {
            var data = baseUsers.Dataset;
            foreach (var r in baseUsers.RowsOf(user))
            {
                Add(rows, data.Items[data.Events.Items[r]], data.Events.Timestamps[r], data.Events.Values[r], fromStore: false);
                total++;
            }
        }
        foreach (var e in events.HistoryOf(user, MaxStoredEvents))
        {
            Add(rows, e.Track, e.TimestampMs, e.Value ?? double.NaN, fromStore: true);
            total++;
        }

        // By summed value first: an event count alone ranks every HetRec artist (one event carrying the play count) equal.
        var top = rows.OrderByDescending(p => p.Value.Total).ThenByDescending(p => p.Value.Events).ThenBy(p => p.Key, StringComparer.Ordinal).Take(limit).ToList();
        var labels = labeller.Label(top.Select(p => p.Key));
        var tracks = top.Select(p =>
        {
            var label = labels[p.Key];
            var source = p.Value.InStore && p.Value.InBase ? "both" : p.Value.InStore ? "store" : "base";
            return new HistoryTrack(p.Key, label.Title, label.Artist, p.Value.Events, p.Value.Total, p.Value.LastMs, source);
        }).ToList();
        return new UserHistory(user, total, rows.Count, tracks);
    }

    private static void Add(Dictionary<string, Row> rows, string track, long timestampMs, double value, bool fromStore)
    {
        if (!rows.TryGetValue(track, out var row)) rows[track] = row = new Row();
        row.Events++;
        row.Total += double.IsFinite(value) ? value : 1;
        if (timestampMs != Missing.Time && (row.LastMs is null || timestampMs > row.LastMs)) row.LastMs = timestampMs;
        if (fromStore) row.InStore = true;
        else row.InBase = true;
    }

    private sealed class Row
    {
        public long Events;
        public double Total;
        public long? LastMs;
        public bool InStore;
        public bool InBase;
    }
}
