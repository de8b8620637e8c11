using Microsoft.Data.Sqlite;

namespace Encore.Evaluation.Runs;

/// <summary>
/// The embedded run store: one SQLite file (default <c>encore.db</c>, see <see cref="RunStoreLocation"/>) with
/// tables runs, per_user and curves (docs/evaluation.md). The schema is created on first use; every save is one
/// transaction, so a crash mid-write leaves the earlier runs intact. Each call opens its own connection
/// (no pooling: the file is released as soon as a call returns), and SQLite's locking plus a busy timeout lets
/// several processes write to the same file.
/// </summary>
public sealed class SqliteRunStore : IRunStore
{
    private readonly string _connectionString;

    public SqliteRunStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString();
        using var connection = Open();
        RunSchema.Ensure(connection, Path);
    }

    /// <summary>Full path of the SQLite file.</summary>
    public string Path { get; }

    public void Save(IReadOnlyList<ExperimentRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var run in runs) RunWriter.Insert(connection, transaction, run);
        transaction.Commit();
    }

    public ExperimentRun? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        using var connection = Open();
        return RunReader.Get(connection, id);
    }

    public IReadOnlyList<ExperimentRun> List(RunQuery? query = null)
    {
        using var connection = Open();
        return RunReader.Query(connection, query ?? new RunQuery());
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        RunSchema.Execute(connection, "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 60000;");
        return connection;
    }
}
