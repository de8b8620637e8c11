using Encore.Online.Registry;

namespace Encore.Online.Store;

/// <summary>The models (name -> active version) and model_versions tables.</summary>
public sealed class ModelRepository(SqliteStore store) : IModelStore
{
    /// <summary>Adds the next version of <paramref name="name"/> and returns it.</summary>
    public ModelVersionInfo Register(string name, string path, string kind, string? evaluationRunId, string? note, string? contentHash = null)
    {
        var now = store.NowMs;
        var version = store.Write((connection, transaction) =>
        {
            using var insertName = connection.CreateCommand();
            insertName.Transaction = transaction;
            insertName.CommandText = "INSERT INTO models (name) VALUES ($n) ON CONFLICT(name) DO NOTHING;";
            insertName.Parameters.AddWithValue("$n", name);
            insertName.ExecuteNonQuery();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO model_versions (name, version, path, kind, evaluation_run_id, note, registered_ms, content_hash)
                VALUES ($n, (SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE name = $n), $p, $k, $e, $note, $now, $h)
                RETURNING version;
                """;
            insert.Parameters.AddWithValue("$n", name);
            insert.Parameters.AddWithValue("$p", path);
            insert.Parameters.AddWithValue("$k", kind);
            insert.Parameters.AddWithValue("$e", (object?)evaluationRunId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$note", (object?)note ?? DBNull.Value);
            insert.Parameters.AddWithValue("$now", now);
            insert.Parameters.AddWithValue("$h", (object?)contentHash ?? DBNull.Value);
            return Convert.ToInt32(insert.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        });
        return new ModelVersionInfo(name, version, path, kind, evaluationRunId, note, now, false, contentHash);
    }

    public int SetActive(string name, int version) => store.Write((connection, transaction) =>
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE models SET active_version = $v, activated_ms = $now WHERE name = $n;";
        command.Parameters.AddWithValue("$n", name);
        command.Parameters.AddWithValue("$v", version);
        command.Parameters.AddWithValue("$now", store.NowMs);
        return command.ExecuteNonQuery();
    });

    /// <summary>Every version (of one name, or of all names), oldest first.</summary>
    public List<ModelVersionInfo> Versions(string? name = null)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT v.name, v.version, v.path, v.kind, v.evaluation_run_id, v.note, v.registered_ms, COALESCE(m.active_version = v.version, 0), v.content_hash
            FROM model_versions v JOIN models m ON m.name = v.name
            WHERE $n IS NULL OR v.name = $n ORDER BY v.name, v.version;
            """;
        command.Parameters.AddWithValue("$n", (object?)name ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        return StoreRows.ModelVersions(reader);
    }
}
