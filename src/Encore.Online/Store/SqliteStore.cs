using Microsoft.Data.Sqlite;

namespace Encore.Online.Store;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Every connection runs with synchronous=FULL, so a
/// committed transaction survives a process kill or power cut before the caller is told "accepted".
/// Writes go through one writer lock (SQLite has a single writer anyway; queuing here avoids busy errors).
/// </summary>
public sealed class SqliteStore : IOnlineStore
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);

    public SqliteStore(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        Time = time ?? TimeProvider.System;
        var dir = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, StoreSchema.Create);
        AddMissingColumns(connection);
        Events = new EventRepository(this);
        Catalogue = new CatalogueRepository(this);
        Bandits = new BanditRepository(this);
        Models = new ModelRepository(this);
        Experiments = new ExperimentRepository(Open, body => Write((c, t) => body(c, t)), exclusiveLock: null);
    }

    public string Kind => "sqlite";

    public string Description => Path;

    public IEventStore Events { get; }

    public ICatalogueStore Catalogue { get; }

    public IModelStore Models { get; }

    public IBanditStore Bandits { get; }

    public IExperimentStore Experiments { get; }

    public System.Data.Common.DbConnection OpenReadConnection() => Open();

    public string Path { get; }

    public TimeProvider Time { get; }

    /// <summary>Current time in Unix milliseconds (from <see cref="Time"/>).</summary>
    public long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>An open connection with the durability pragmas applied.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;");
        return connection;
    }

    /// <summary>Runs <paramref name="body"/> inside one write transaction, committed before returning.</summary>
    public T Write<T>(Func<SqliteConnection, SqliteTransaction, T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        _writer.Wait();
        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            var result = body(connection, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            _writer.Release();
        }
    }

    // A store file written by an older build lacks the columns added since; they are added (NULL in old rows).
    private static void AddMissingColumns(SqliteConnection connection)
    {
        foreach (var (table, column, definition) in StoreSchema.AddedColumns)
        {
            using var check = connection.CreateCommand();
            check.CommandText = "SELECT COUNT(*) FROM pragma_table_info($t) WHERE name = $c;";
            check.Parameters.AddWithValue("$t", table);
            check.Parameters.AddWithValue("$c", column);
            if (Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
                Execute(connection, $"ALTER TABLE {table} ADD COLUMN {column} {definition};");
        }
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Closes the file's pooled connections too (the last one checkpoints and removes the write-ahead log), so the
    /// file can be moved or deleted after; a connection still in use closes when it is given back.
    /// </summary>
    public void Dispose()
    {
        _writer.Dispose();
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
