using Encore.Online.Registry;
using Npgsql;
using NpgsqlTypes;

namespace Encore.Online.Store.Postgres;

/// <summary>
/// The models and model_versions tables in PostgreSQL. Registering locks the name's row (<c>SELECT ... FOR UPDATE</c>)
/// before numbering, so concurrent registrations from several processes get distinct consecutive versions.
/// </summary>
public sealed class PostgresModelStore : IModelStore
{
    private readonly PostgresStore _store;

    internal PostgresModelStore(PostgresStore store) => _store = store;

    public ModelVersionInfo Register(string name, string path, string kind, string? evaluationRunId, string? note)
    {
        ArgumentNullException.ThrowIfNull(name);
        var now = _store.NowMs;
        var version = _store.Write(connection =>
        {
            using (var lockName = new NpgsqlCommand(
                "INSERT INTO models (name) VALUES (@n) ON CONFLICT (name) DO NOTHING; SELECT 1 FROM models WHERE name = @n FOR UPDATE;", connection))
            {
                lockName.Parameters.AddWithValue("n", name);
                lockName.ExecuteNonQuery();
            }
            using var insert = new NpgsqlCommand("""
                INSERT INTO model_versions (name, version, path, kind, evaluation_run_id, note, registered_ms)
                VALUES (@n, (SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE name = @n), @p, @k, @e, @note, @now)
                RETURNING version;
                """, connection);
            insert.Parameters.AddWithValue("n", name);
            insert.Parameters.AddWithValue("p", path);
            insert.Parameters.AddWithValue("k", kind);
            insert.Parameters.AddWithValue("e", NpgsqlDbType.Text, (object?)evaluationRunId ?? DBNull.Value);
            insert.Parameters.AddWithValue("note", NpgsqlDbType.Text, (object?)note ?? DBNull.Value);
            insert.Parameters.AddWithValue("now", now);
            return (int)insert.ExecuteScalar()!;
        });
        return new ModelVersionInfo(name, version, path, kind, evaluationRunId, note, now, false);
    }

    public int SetActive(string name, int version) => _store.Write(connection =>
    {
        using var command = new NpgsqlCommand("UPDATE models SET active_version = @v, activated_ms = @now WHERE name = @n;", connection);
        command.Parameters.AddWithValue("n", name);
        command.Parameters.AddWithValue("v", version);
        command.Parameters.AddWithValue("now", _store.NowMs);
        return command.ExecuteNonQuery();
    });

    public List<ModelVersionInfo> Versions(string? name = null)
    {
        using var connection = _store.Open();
        using var command = new NpgsqlCommand("""
            SELECT v.name, v.version, v.path, v.kind, v.evaluation_run_id, v.note, v.registered_ms, COALESCE(m.active_version = v.version, false)
            FROM model_versions v JOIN models m ON m.name = v.name
            WHERE @n::text IS NULL OR v.name = @n ORDER BY v.name COLLATE "C", v.version;
            """, connection);
        command.Parameters.AddWithValue("n", NpgsqlDbType.Text, (object?)name ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var list = new List<ModelVersionInfo>();
        while (reader.Read())
            list.Add(new ModelVersionInfo(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetInt64(6), reader.GetBoolean(7)));
        return list;
    }
}
