using Encore.Core.Errors;
using Microsoft.Data.Sqlite;

namespace Encore.Evaluation.Runs;

/// <summary>
/// The run store's tables, versioned with SQLite's <c>user_version</c> pragma. Created on first use inside an
/// immediate transaction, so two processes opening a new file at once do not both create it.
/// </summary>
internal static class RunSchema
{
    public const int Version = 1;

    private const string CreateV1 = """
        CREATE TABLE IF NOT EXISTS runs (
            id TEXT PRIMARY KEY,
            started TEXT NOT NULL,
            kind TEXT NOT NULL,
            sweep_id TEXT,
            model TEXT NOT NULL,
            parameters TEXT NOT NULL,
            dataset TEXT NOT NULL,
            dataset_hash TEXT NOT NULL,
            protocol TEXT NOT NULL,
            code_version TEXT NOT NULL,
            seed INTEGER NOT NULL,
            fit_seconds REAL NOT NULL,
            evaluate_seconds REAL NOT NULL,
            means TEXT NOT NULL,
            intervals TEXT NOT NULL,
            users BLOB NOT NULL
        );
        CREATE INDEX IF NOT EXISTS runs_by_model ON runs (model, started);
        CREATE INDEX IF NOT EXISTS runs_by_sweep ON runs (sweep_id, started);
        CREATE TABLE IF NOT EXISTS per_user (
            run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            metric TEXT NOT NULL,
            ordinal INTEGER NOT NULL,
            "values" BLOB NOT NULL,
            PRIMARY KEY (run_id, metric)
        );
        CREATE TABLE IF NOT EXISTS curves (
            run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            step INTEGER NOT NULL,
            series TEXT NOT NULL,
            value REAL,
            PRIMARY KEY (run_id, ordinal)
        );
        """;

    public static void Ensure(SqliteConnection connection, string path)
    {
        // WAL lets readers work while a writer commits; it is a property of the file, set outside a transaction.
        Execute(connection, "PRAGMA journal_mode = WAL;");
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = UserVersion(connection, transaction);
        if (version > Version)
            throw new EncoreException($"{path}: the run store has schema version {version}, newer than this build's {Version}; use a newer encore.");
        if (version < Version)
        {
            Execute(connection, CreateV1, transaction);
            Execute(connection, $"PRAGMA user_version = {Version};", transaction);
        }
        transaction.Commit();
    }

    private static long UserVersion(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return (long)(command.ExecuteScalar() ?? 0L);
    }

    internal static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
