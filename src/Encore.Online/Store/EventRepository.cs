using Encore.Data.Model;
using Encore.Online.Feedback;
using Microsoft.Data.Sqlite;

namespace Encore.Online.Store;

/// <summary>The events table: durable batch inserts with client-id idempotency, and reads for retraining / fold-in.</summary>
public sealed class EventRepository(SqliteStore store) : IEventStore
{
    /// <summary>Writes a batch in one transaction; a client event id seen before gives <see cref="EventOutcome.Duplicate"/>.</summary>
    public EventOutcome[] Insert(IReadOnlyList<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var received = store.NowMs;
        return store.Write((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO events (client_event_id, user_id, track_id, kind, timestamp_ms, value, session, received_ms)
                VALUES ($id, $user, $track, $kind, $ts, $value, $session, $received)
                ON CONFLICT(client_event_id) DO NOTHING;
                """;
            var id = command.Parameters.Add("$id", SqliteType.Text);
            var user = command.Parameters.Add("$user", SqliteType.Text);
            var track = command.Parameters.Add("$track", SqliteType.Text);
            var kind = command.Parameters.Add("$kind", SqliteType.Integer);
            var ts = command.Parameters.Add("$ts", SqliteType.Integer);
            var value = command.Parameters.Add("$value", SqliteType.Real);
            var session = command.Parameters.Add("$session", SqliteType.Text);
            command.Parameters.AddWithValue("$received", received);
            command.Prepare();
            var outcomes = new EventOutcome[events.Count];
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                id.Value = (object?)e.EventId ?? DBNull.Value;
                user.Value = e.User;
                track.Value = e.Track;
                kind.Value = (int)e.Kind;
                ts.Value = e.TimestampMs;
                value.Value = e.Value is { } v ? v : DBNull.Value;
                session.Value = (object?)e.Session ?? DBNull.Value;
                outcomes[i] = command.ExecuteNonQuery() == 1 ? EventOutcome.Accepted : EventOutcome.Duplicate;
            }
            return outcomes;
        });
    }

    /// <summary>Number of stored events.</summary>
    public long Count() => Scalar("SELECT COUNT(*) FROM events;");

    /// <summary>Sequence number of the newest event (0 when empty): retraining skips when it has not moved.</summary>
    public long LastSequence() => Scalar("SELECT COALESCE(MAX(seq), 0) FROM events;");

    /// <summary>Every stored event in arrival order.</summary>
    public List<StoredEvent> ReadAll() => Read($"SELECT {StoreRows.EventColumns} FROM events ORDER BY seq;", null);

    /// <summary>The newest <paramref name="limit"/> events of one user (oldest first).</summary>
    public List<StoredEvent> HistoryOf(string user, int limit)
    {
        var rows = Read($"SELECT {StoreRows.EventColumns} FROM events WHERE user_id = $user ORDER BY seq DESC LIMIT $limit;",
            c =>
            {
                c.Parameters.AddWithValue("$user", user);
                c.Parameters.AddWithValue("$limit", limit);
            });
        rows.Reverse();
        return rows;
    }

    private List<StoredEvent> Read(string sql, Action<SqliteCommand>? bind)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind?.Invoke(command);
        using var reader = command.ExecuteReader();
        return StoreRows.Events(reader);
    }

    private long Scalar(string sql)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
