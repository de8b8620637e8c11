using Npgsql;

namespace Encore.Server.Tests.Cluster;

/// <summary>A schema of its own in the test database (search_path), dropped on dispose.</summary>
internal sealed class PostgresSchemaScope : IDisposable
{
    public const string Variable = "ENCORE_TEST_POSTGRES";

    private readonly string _admin;
    private readonly string _schema = "c_" + Guid.NewGuid().ToString("N");

    public PostgresSchemaScope()
    {
        var root = Root ?? throw new InvalidOperationException($"{Variable} is not set but CI=true: the cluster test needs a PostgreSQL database (.ci/run starts one).");
        _admin = Encore.Evaluation.Postgres.PostgresLocation.ToConnectionString(root);
        Execute($"CREATE SCHEMA {_schema};");
        Location = new NpgsqlConnectionStringBuilder(_admin) { SearchPath = _schema }.ConnectionString;
    }

    public static string? Root => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } v ? v : null;

    public static bool InCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("ENCORE_REQUIRE_POSTGRES") == "1";

    /// <summary>A Host=... connection string whose search_path is this schema.</summary>
    public string Location { get; }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP SCHEMA IF EXISTS {_schema} CASCADE;");
    }
}
