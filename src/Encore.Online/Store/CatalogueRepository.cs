using System.Text.Json;
using Encore.Online.Catalogue;
using Microsoft.Data.Sqlite;

namespace Encore.Online.Store;

/// <summary>The users and tracks tables (upserts by external id) and the idempotency keys that guard repeated calls.</summary>
public sealed class CatalogueRepository(SqliteStore store) : ICatalogueStore
{
    public CatalogueResult UpsertUsers(IReadOnlyList<UserUpdate> users, string? idempotencyKey) =>
        Upsert("users", idempotencyKey, users, "SELECT 1 FROM users WHERE user_id = $id;",
            "INSERT INTO users (user_id, attributes, updated_ms) VALUES ($id, $a, $now) ON CONFLICT(user_id) DO UPDATE SET attributes = excluded.attributes, updated_ms = excluded.updated_ms;",
            (c, u) =>
            {
                c.Parameters.AddWithValue("$id", u.Id);
                c.Parameters.AddWithValue("$a", u.Attributes is null ? DBNull.Value : JsonSerializer.Serialize(u.Attributes));
            });

    public CatalogueResult UpsertTracks(IReadOnlyList<TrackUpdate> tracks, string? idempotencyKey) =>
        Upsert("tracks", idempotencyKey, tracks, "SELECT 1 FROM tracks WHERE track_id = $id;",
            """
            INSERT INTO tracks (track_id, title, artist, album, genres, duration_ms, updated_ms) VALUES ($id, $t, $ar, $al, $g, $d, $now)
            ON CONFLICT(track_id) DO UPDATE SET title = excluded.title, artist = excluded.artist, album = excluded.album,
                genres = excluded.genres, duration_ms = excluded.duration_ms, updated_ms = excluded.updated_ms;
            """,
            (c, t) =>
            {
                c.Parameters.AddWithValue("$id", t.Id);
                c.Parameters.AddWithValue("$t", (object?)t.Title ?? DBNull.Value);
                c.Parameters.AddWithValue("$ar", (object?)t.Artist ?? DBNull.Value);
                c.Parameters.AddWithValue("$al", (object?)t.Album ?? DBNull.Value);
                c.Parameters.AddWithValue("$g", t.Genres is null ? DBNull.Value : string.Join('|', t.Genres));
                c.Parameters.AddWithValue("$d", t.DurationMs is { } d ? d : DBNull.Value);
            });

    /// <summary>Number of rows in the users or tracks table.</summary>
    public long Count(string table)
    {
        if (table is not ("users" or "tracks")) throw new ArgumentOutOfRangeException(nameof(table), table, "expected users or tracks");
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table};";
        return (long)command.ExecuteScalar()!;
    }

    private CatalogueResult Upsert<T>(string scope, string? key, IReadOnlyList<T> rows, string existsSql, string upsertSql, Action<SqliteCommand, T> bind)
    {
        var now = store.NowMs;
        return store.Write((connection, transaction) =>
        {
            if (key is not null && !ClaimKey(connection, transaction, scope, key, now)) return new CatalogueResult(0, 0, true);
            int created = 0, updated = 0;
            foreach (var row in rows)
            {
                using var exists = connection.CreateCommand();
                exists.Transaction = transaction;
                exists.CommandText = existsSql;
                using var upsert = connection.CreateCommand();
                upsert.Transaction = transaction;
                upsert.CommandText = upsertSql;
                upsert.Parameters.AddWithValue("$now", now);
                bind(upsert, row);
                exists.Parameters.AddWithValue("$id", upsert.Parameters["$id"].Value);
                if (exists.ExecuteScalar() is null) created++;
                else updated++;
                upsert.ExecuteNonQuery();
            }
            return new CatalogueResult(created, updated, false);
        });
    }

    // True when the key is new (and now recorded in the same transaction as the change it guards).
    private static bool ClaimKey(SqliteConnection connection, SqliteTransaction transaction, string scope, string key, long now)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO idempotency_keys (key, scope, created_ms) VALUES ($k, $s, $now) ON CONFLICT(key) DO NOTHING;";
        command.Parameters.AddWithValue("$k", scope + ":" + key);
        command.Parameters.AddWithValue("$s", scope);
        command.Parameters.AddWithValue("$now", now);
        return command.ExecuteNonQuery() == 1;
    }
}
