using Encore.Online.Registry;
using Npgsql;
using NpgsqlTypes;

namespace Encore.Online.Store.Postgres;

/// <summary>
/// The models and model_versions tables in PostgreSQL. Registering locks the name's row (<c>SELECT ... FOR UPDATE</c>)
/// before numbering, so concurrent registrations from several processes get distinct consecutive versions. Model bytes
/// are kept by content hash in model_blobs (<see cref="IModelBlobStore"/>), so a silo without the file can fetch it.
/// </summary>
public sealed class PostgresModelStore : IModelStore, IModelBlobStore
{
    /// <summary>PostgreSQL's largest bytea value (1 GiB).</summary>
    public const long MaxBlobBytes = 1L << 30;

    private readonly PostgresStore _store;

    internal PostgresModelStore(PostgresStore store) => _store = store;

    public ModelVersionInfo Register(string name, string path, string kind, string? evaluationRunId, string? note, string? contentHash = null)
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
                INSERT INTO model_versions (name, version, path, kind, evaluation_run_id, note, registered_ms, content_hash)
                VALUES (@n, (SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE name = @n), @p, @k, @e, @note, @now, @h)
                RETURNING version;
                """, connection);
            insert.Parameters.AddWithValue("n", name);
            insert.Parameters.AddWithValue("p", path);
            insert.Parameters.AddWithValue("k", kind);
            insert.Parameters.AddWithValue("e", NpgsqlDbType.Text, (object?)evaluationRunId ?? DBNull.Value);
            insert.Parameters.AddWithValue("note", NpgsqlDbType.Text, (object?)note ?? DBNull.Value);
            insert.Parameters.AddWithValue("now", now);
            insert.Parameters.AddWithValue("h", NpgsqlDbType.Text, (object?)contentHash ?? DBNull.Value);
            return (int)insert.ExecuteScalar()!;
        });
        return new ModelVersionInfo(name, version, path, kind, evaluationRunId, note, now, false, contentHash);
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
            SELECT v.name, v.version, v.path, v.kind, v.evaluation_run_id, v.note, v.registered_ms, COALESCE(m.active_version = v.version, false), v.content_hash
            FROM model_versions v JOIN models m ON m.name = v.name
            WHERE @n::text IS NULL OR v.name = @n ORDER BY v.name COLLATE "C", v.version;
            """, connection);
        command.Parameters.AddWithValue("n", NpgsqlDbType.Text, (object?)name ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        return StoreRows.ModelVersions(reader);
    }

    public bool HasBlob(string contentHash)
    {
        using var connection = _store.Open();
        using var command = new NpgsqlCommand("SELECT 1 FROM model_blobs WHERE content_hash = @h;", connection);
        command.Parameters.AddWithValue("h", contentHash);
        return command.ExecuteScalar() is not null;
    }

    public void PutBlob(string contentHash, string path)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        if (file.Length > MaxBlobBytes)
            throw new ArgumentException($"{path}: {file.Length} bytes is more than PostgreSQL's bytea limit of 1 GiB; share the model folder instead (docs/deployment.md).", nameof(path));
        _store.Write(connection =>
        {
            using var insert = new NpgsqlCommand("""
                INSERT INTO model_blobs (content_hash, size, bytes, stored_ms) VALUES (@h, @size, @bytes, @now)
                ON CONFLICT (content_hash) DO NOTHING;
                """, connection);
            insert.Parameters.AddWithValue("h", contentHash);
            insert.Parameters.AddWithValue("size", file.Length);
            insert.Parameters.Add(new NpgsqlParameter("bytes", NpgsqlDbType.Bytea) { Value = file, Size = (int)file.Length });
            insert.Parameters.AddWithValue("now", _store.NowMs);
            return insert.ExecuteNonQuery();
        });
    }

    public bool CopyBlob(string contentHash, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var connection = _store.Open();
        using var command = new NpgsqlCommand("SELECT bytes FROM model_blobs WHERE content_hash = @h;", connection);
        command.Parameters.AddWithValue("h", contentHash);
        using var reader = command.ExecuteReader(System.Data.CommandBehavior.SequentialAccess);
        if (!reader.Read()) return false;
        using var bytes = reader.GetStream(0);
        bytes.CopyTo(destination);
        return true;
    }
}
