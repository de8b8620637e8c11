using Encore.Data.Model;
using Encore.Online.Feedback;
using Npgsql;
using NpgsqlTypes;

namespace Encore.Online.Store.Postgres;

/// <summary>
/// The events table in PostgreSQL. A batch is one transaction sent as one <see cref="NpgsqlBatch"/> (one round
/// trip); <c>ON CONFLICT (client_event_id) DO NOTHING</c> makes a repeated client id a duplicate, also when two
/// processes send it at once (the second waits for the first to commit, then does nothing).
/// </summary>
public sealed class PostgresEventStore : IEventStore
{
    private const string Columns = StoreRows.EventColumns;

    private readonly PostgresStore _store;

    internal PostgresEventStore(PostgresStore store) => _store = store;

    public EventOutcome[] Insert(IReadOnlyList<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) return [];
        var received = _store.NowMs;
        return _store.Write(connection =>
        {
            using var batch = new NpgsqlBatch(connection);
            foreach (var e in events)
            {
                var command = new NpgsqlBatchCommand($"""
                    INSERT INTO events ({Columns}, received_ms) VALUES (@id, @user, @track, @kind, @ts, @value, @session, @received)
                    ON CONFLICT (client_event_id) DO NOTHING;
                    """);
                var p = command.Parameters;
                p.AddWithValue("id", NpgsqlDbType.Text, (object?)e.EventId ?? DBNull.Value);
                p.AddWithValue("user", e.User);
                p.AddWithValue("track", e.Track);
                p.AddWithValue("kind", (int)e.Kind);
                p.AddWithValue("ts", e.TimestampMs);
                p.AddWithValue("value", NpgsqlDbType.Double, e.Value is { } v ? v : DBNull.Value);
                p.AddWithValue("session", NpgsqlDbType.Text, (object?)e.Session ?? DBNull.Value);
                p.AddWithValue("received", received);
                batch.BatchCommands.Add(command);
            }
            batch.ExecuteNonQuery();
            var outcomes = new EventOutcome[events.Count];
            for (var i = 0; i < outcomes.Length; i++)
                outcomes[i] = batch.BatchCommands[i].RecordsAffected == 1 ? EventOutcome.Accepted : EventOutcome.Duplicate;
            return outcomes;
        });
    }

    public long Count() => Scalar("SELECT COUNT(*) FROM events;");

    public long LastSequence() => Scalar("SELECT COALESCE(MAX(seq), 0) FROM events;");

    public List<StoredEvent> ReadAll() => Read($"SELECT {Columns} FROM events ORDER BY seq;", null);

    public List<StoredEvent> HistoryOf(string user, int limit)
    {
        ArgumentNullException.ThrowIfNull(user);
        var rows = Read($"SELECT {Columns} FROM events WHERE user_id = @user ORDER BY seq DESC LIMIT @limit;", c =>
        {
            c.Parameters.AddWithValue("user", user);
            c.Parameters.AddWithValue("limit", (long)limit);
        });
        rows.Reverse();
        return rows;
    }

    private List<StoredEvent> Read(string sql, Action<NpgsqlCommand>? bind)
    {
        using var connection = _store.Open();
        using var command = new NpgsqlCommand(sql, connection);
        bind?.Invoke(command);
        using var reader = command.ExecuteReader();
        return StoreRows.Events(reader);
    }

    private long Scalar(string sql)
    {
        using var connection = _store.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
