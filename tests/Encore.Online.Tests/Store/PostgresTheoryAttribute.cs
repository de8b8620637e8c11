namespace Encore.Online.Tests.Store;

/// <summary>
/// A theory over <see cref="TestStores.PostgresOnly"/>: skipped on a developer machine without ENCORE_TEST_POSTGRES
/// (docs/deployment.md, "Tests"); under CI=true (or ENCORE_REQUIRE_POSTGRES=1) it runs and fails loudly. A theory whose
/// data was left empty instead failed with "No data found" on such a machine.
/// </summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (TestStores.PostgresLocation is null && !TestStores.InCi)
            Skip = $"{TestStores.Variable} is not set (a postgres:// URI of a test database; .ci/run starts one).";
    }
}
