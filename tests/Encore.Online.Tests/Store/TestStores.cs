using Encore.Evaluation.Postgres;
using Encore.Evaluation.Runs;
using Encore.Online.Store;
using Npgsql;

namespace Encore.Online.Tests.Store;

/// <summary>
/// The stores the contract suite runs on. "sqlite" always; "postgres" when <c>ENCORE_TEST_POSTGRES</c> names a
/// database (a postgres:// URI; <c>.ci/run</c> starts a throwaway cluster and sets it). Under <c>CI=true</c> (or
/// <c>ENCORE_REQUIRE_POSTGRES=1</c>, set by .ci/run) the
/// postgres row is always present, so a missing database fails the suite loudly instead of skipping it.
/// </summary>
public static class TestStores
{
    public const string Variable = "ENCORE_TEST_POSTGRES";

    public static string? PostgresLocation => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } v ? v : null;

    public static bool InCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("ENCORE_REQUIRE_POSTGRES") == "1";

    /// <summary>The one row of a PostgreSQL-only theory (<see cref="PostgresTheoryAttribute"/> skips it without a database).</summary>
    public static TheoryData<string> PostgresOnly() => new() { "postgres" };

    /// <summary>Theory rows: the store kinds to run on.</summary>
    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string> { "sqlite" };
        if (PostgresLocation is not null || InCi) data.Add("postgres");
        return data;
    }
}

/// <summary>
/// A fresh, empty store location of one kind: a SQLite file in a temp folder, or a PostgreSQL schema of its own
/// (search_path) in the test database. Both are removed on dispose.
/// </summary>
public sealed class StoreScope : IDisposable
{
    private readonly string? _folder;
    private readonly string? _schema;
    private readonly string? _admin;

    public StoreScope(string kind)
    {
        Kind = kind;
        if (kind == "sqlite")
        {
            _folder = Path.Combine(Path.GetTempPath(), "encore-store-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_folder);
            Location = Path.Combine(_folder, "encore.db");
            return;
        }
        var root = TestStores.PostgresLocation ?? throw new InvalidOperationException(
            $"{TestStores.Variable} is not set but CI=true: the PostgreSQL store tests need a database (.ci/run starts one; see docs/deployment.md).");
        _admin = Encore.Evaluation.Postgres.PostgresLocation.ToConnectionString(root);
        _schema = "t_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(_admin))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA {_schema};", connection);
            create.ExecuteNonQuery();
        }
        Location = new NpgsqlConnectionStringBuilder(_admin) { SearchPath = _schema }.ConnectionString;
    }

    public string Kind { get; }

    /// <summary>The location string to hand to <see cref="OnlineStores.Open"/> / <see cref="RunStores.Open"/>.</summary>
    public string Location { get; }

    public IOnlineStore OpenOnline(TimeProvider? time = null) => OnlineStores.Open(Location, time);

    public IRunStore OpenRuns() => RunStores.Open(Location);

    /// <summary>Runs SQL directly in the scope's PostgreSQL schema (tests of migration edge cases).</summary>
    public void ExecutePostgres(string sql)
    {
        using var connection = new NpgsqlConnection(Location);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
        if (_schema is not null && _admin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_admin);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE;", connection);
            drop.ExecuteNonQuery();
        }
    }
}
