using Encore.Core.Errors;
using Npgsql;

namespace Encore.Evaluation.Postgres;

/// <summary>
/// Versioned schemas in PostgreSQL: table <c>encore_schema (component, version, migrated_ms)</c> holds one row per
/// component ("online", "runs", ...). On start each component's pending steps run in one transaction under a
/// transaction-scoped advisory lock, so several processes starting against one database migrate it exactly once.
/// A database whose version is newer than this build's is refused (older code must not write a newer layout).
/// </summary>
public static class PostgresMigrator
{
    // Arbitrary constant key of pg_advisory_xact_lock shared by every Encore component.
    private const long LockKey = 0x456E636F7265; // "Encore"

    /// <summary>Brings <paramref name="component"/> to version <c>steps.Count</c> (step i creates version i + 1).</summary>
    /// <returns>The version the database had before (0 for a fresh database).</returns>
    /// <exception cref="EncoreException">The stored version is newer than <c>steps.Count</c>.</exception>
    public static int Migrate(NpgsqlDataSource source, string component, IReadOnlyList<string> steps, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        ArgumentNullException.ThrowIfNull(steps);
        using var connection = OpenFirst(source);
        using var transaction = connection.BeginTransaction();
        Execute(connection, "SELECT pg_advisory_xact_lock(@k);", ("k", LockKey));
        Execute(connection, "CREATE TABLE IF NOT EXISTS encore_schema (component TEXT PRIMARY KEY, version INTEGER NOT NULL, migrated_ms BIGINT NOT NULL);");
        int before;
        using (var read = new NpgsqlCommand("SELECT version FROM encore_schema WHERE component = @c;", connection))
        {
            read.Parameters.AddWithValue("c", component);
            before = read.ExecuteScalar() is int v ? v : 0;
        }
        if (before > steps.Count)
            throw new EncoreException($"PostgreSQL database '{connection.Database}': the {component} schema has version {before}, newer than this build's {steps.Count}; use a newer encore.");
        for (var v = before; v < steps.Count; v++) Execute(connection, steps[v]);
        if (before < steps.Count)
            Execute(connection, """
                INSERT INTO encore_schema (component, version, migrated_ms) VALUES (@c, @v, @now)
                ON CONFLICT (component) DO UPDATE SET version = excluded.version, migrated_ms = excluded.migrated_ms;
                """, ("c", component), ("v", steps.Count), ("now", nowMs));
        transaction.Commit();
        return before;
    }

    /// <summary>
    /// The first connection of a store (every PostgreSQL store and the cluster migrate on open). A server that cannot
    /// be reached, a missing database or refused credentials become an <see cref="IOException"/> (exit code 4) naming
    /// host, port, database and user, never the password, and what to check; Npgsql's own message is kept.
    /// </summary>
    /// <exception cref="IOException">The connection could not be opened.</exception>
    public static NpgsqlConnection OpenFirst(NpgsqlDataSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            return source.OpenConnection();
        }
        catch (NpgsqlException e)
        {
            var b = new NpgsqlConnectionStringBuilder(source.ConnectionString);
            var hint = (e as PostgresException)?.SqlState switch
            {
                "3D000" => $"create it first (createdb -h {b.Host} -p {b.Port} -U {b.Username} {b.Database}) or fix the location",
                "28P01" or "28000" => "check the user and password of the location",
                _ => "is the server running, and are the host and port of the location right?",
            };
            throw new IOException($"cannot open PostgreSQL database '{b.Database}' at {b.Host}:{b.Port} as user '{b.Username}': {e.Message.TrimEnd('.')}; {hint} (docs/deployment.md).", e);
        }
    }

    /// <summary>The stored version of <paramref name="component"/> (0 when never migrated).</summary>
    public static int Version(NpgsqlDataSource source, string component)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var command = source.CreateCommand("SELECT version FROM encore_schema WHERE component = @c;");
        command.Parameters.AddWithValue("c", component);
        return command.ExecuteScalar() is int v ? v : 0;
    }

    private static void Execute(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }
}
