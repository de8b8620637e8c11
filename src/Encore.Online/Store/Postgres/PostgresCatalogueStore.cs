using System.Text.Json;
using Encore.Online.Catalogue;
using Npgsql;
using NpgsqlTypes;

namespace Encore.Online.Store.Postgres;

/// <summary>
/// Users, tracks and idempotency keys in PostgreSQL. An upsert reports whether it created the row through
/// <c>RETURNING (xmax = 0)</c> (true for a fresh insert, false when ON CONFLICT updated an existing row).
/// </summary>
public sealed class PostgresCatalogueStore : ICatalogueStore
{
    private readonly PostgresStore _store;

    internal PostgresCatalogueStore(PostgresStore store) => _store = store;

    public CatalogueResult UpsertUsers(IReadOnlyList<UserUpdate> users, string? idempotencyKey) =>
        Upsert("users", idempotencyKey, users,
            """
            INSERT INTO users (user_id, attributes, updated_ms) VALUES (@id, @a, @now)
            ON CONFLICT (user_id) DO UPDATE SET attributes = excluded.attributes, updated_ms = excluded.updated_ms
            RETURNING (xmax = 0);
            """,
            (c, u) =>
            {
                c.Parameters.AddWithValue("id", NpgsqlDbType.Text, (object?)u.Id ?? DBNull.Value);
                c.Parameters.AddWithValue("a", NpgsqlDbType.Text, u.Attributes is null ? DBNull.Value : JsonSerializer.Serialize(u.Attributes));
            });

    public CatalogueResult UpsertTracks(IReadOnlyList<TrackUpdate> tracks, string? idempotencyKey) =>
        Upsert("tracks", idempotencyKey, tracks,
            """
            INSERT INTO tracks (track_id, title, artist, album, genres, duration_ms, updated_ms) VALUES (@id, @t, @ar, @al, @g, @d, @now)
            ON CONFLICT (track_id) DO UPDATE SET title = excluded.title, artist = excluded.artist, album = excluded.album,
                genres = excluded.genres, duration_ms = excluded.duration_ms, updated_ms = excluded.updated_ms
            RETURNING (xmax = 0);
            """,
            (c, t) =>
            {
                c.Parameters.AddWithValue("id", NpgsqlDbType.Text, (object?)t.Id ?? DBNull.Value);
                c.Parameters.AddWithValue("t", NpgsqlDbType.Text, (object?)t.Title ?? DBNull.Value);
                c.Parameters.AddWithValue("ar", NpgsqlDbType.Text, (object?)t.Artist ?? DBNull.Value);
                c.Parameters.AddWithValue("al", NpgsqlDbType.Text, (object?)t.Album ?? DBNull.Value);
                c.Parameters.AddWithValue("g", NpgsqlDbType.Text, t.Genres is null ? DBNull.Value : string.Join('|', t.Genres));
                c.Parameters.AddWithValue("d", NpgsqlDbType.Bigint, t.DurationMs is { } d ? (long)d : DBNull.Value);
            });

    public long Count(string table)
    {
        if (table is not ("users" or "tracks")) throw new ArgumentOutOfRangeException(nameof(table), table, "expected users or tracks");
        using var connection = _store.Open();
        using var command = new NpgsqlCommand($"SELECT COUNT(*) FROM {table};", connection);
        return (long)command.ExecuteScalar()!;
    }

    private CatalogueResult Upsert<T>(string scope, string? key, IReadOnlyList<T> rows, string upsertSql, Action<NpgsqlCommand, T> bind)
    {
        var now = _store.NowMs;
        return _store.Write(connection =>
        {
            if (key is not null && !ClaimKey(connection, scope, key, now)) return new CatalogueResult(0, 0, true);
            int created = 0, updated = 0;
            foreach (var row in rows)
            {
                using var upsert = new NpgsqlCommand(upsertSql, connection);
                upsert.Parameters.AddWithValue("now", now);
                bind(upsert, row);
                if ((bool)upsert.ExecuteScalar()!) created++;
                else updated++;
            }
            return new CatalogueResult(created, updated, false);
        });
    }

    // True when the key is new (and now recorded in the same transaction as the change it guards). A concurrent
    // claim of the same key waits for the first transaction and then finds the key taken.
    private static bool ClaimKey(NpgsqlConnection connection, string scope, string key, long now)
    {
        using var command = new NpgsqlCommand("INSERT INTO idempotency_keys (key, scope, created_ms) VALUES (@k, @s, @now) ON CONFLICT (key) DO NOTHING;", connection);
        command.Parameters.AddWithValue("k", scope + ":" + key);
        command.Parameters.AddWithValue("s", scope);
        command.Parameters.AddWithValue("now", now);
        return command.ExecuteNonQuery() == 1;
    }
}
