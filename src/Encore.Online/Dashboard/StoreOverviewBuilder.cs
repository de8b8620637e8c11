using System.Data.Common;
using Encore.Data.Model;
using Encore.Online.Feedback;
using Encore.Online.Store;

namespace Encore.Online.Dashboard;

/// <summary>
/// The overview of the events the service has ingested, computed with GROUP BY queries in the store (SQL both SQLite and PostgreSQL accept) (one
/// pass per figure; nothing is loaded row by row except the per-track counts for the histogram).
/// </summary>
internal static class StoreOverviewBuilder
{
    public static DatasetOverview Build(IOnlineStore store, int topTracks, int maxDays)
    {
        using var connection = store.OpenReadConnection();
        var counts = Counts(connection);

        var kinds = new List<KindCount>();
        Query(connection, "SELECT kind, COUNT(*) FROM events GROUP BY kind ORDER BY kind;",
            r => kinds.Add(new KindCount(FeedbackKinds.NameOf((EventKind)r.GetInt32(0)), r.GetInt64(1))));

        var days = new Dictionary<long, long>();
        Query(connection, $"SELECT timestamp_ms / {DayBins.MsPerDay}, COUNT(*) FROM events GROUP BY 1;",
            r => days[r.GetInt64(0)] = r.GetInt64(1));

        var histogram = new PopularityHistogram();
        var top = new TopCounts(topTracks);
        Query(connection, "SELECT e.track_id, COUNT(*), MAX(t.title) FROM events e LEFT JOIN tracks t ON t.track_id = e.track_id GROUP BY e.track_id;",
            r =>
            {
                var n = r.GetInt64(1);
                histogram.Add(n);
                top.Offer(r.GetString(0), r.IsDBNull(2) ? null : r.GetString(2), n);
            });

        return new DatasetOverview("store", "ingested events", counts, kinds, DayBins.Series(days, maxDays), top.ToList(), histogram.ToBuckets());
    }

    private static OverviewCounts Counts(DbConnection connection)
    {
        long events = 0, users = 0, tracks = 0;
        long? first = null, last = null;
        Query(connection, "SELECT COUNT(*), COUNT(DISTINCT user_id), COUNT(DISTINCT track_id), MIN(timestamp_ms), MAX(timestamp_ms) FROM events;", r =>
        {
            events = r.GetInt64(0);
            users = r.GetInt64(1);
            tracks = r.GetInt64(2);
            first = r.IsDBNull(3) ? null : r.GetInt64(3);
            last = r.IsDBNull(4) ? null : r.GetInt64(4);
        });
        long catalogueUsers = 0, catalogueTracks = 0;
        Query(connection, "SELECT (SELECT COUNT(*) FROM users), (SELECT COUNT(*) FROM tracks);", r =>
        {
            catalogueUsers = r.GetInt64(0);
            catalogueTracks = r.GetInt64(1);
        });
        return new OverviewCounts(events, users, tracks, catalogueUsers, catalogueTracks, 0, first, last);
    }

    private static void Query(DbConnection connection, string sql, Action<DbDataReader> row)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read()) row(reader);
    }
}
