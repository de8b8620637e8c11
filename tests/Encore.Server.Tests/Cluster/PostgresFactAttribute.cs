namespace Encore.Server.Tests.Cluster;

/// <summary>
/// A test that needs the PostgreSQL of ENCORE_TEST_POSTGRES (.ci/run starts one). Skipped on a developer machine
/// without it; under CI=true (or ENCORE_REQUIRE_POSTGRES=1) it runs anyway and fails loudly.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresSchemaScope.Root is null && !PostgresSchemaScope.InCi)
            Skip = $"{PostgresSchemaScope.Variable} is not set (a postgres:// URI of a test database; .ci/run starts one).";
    }
}
