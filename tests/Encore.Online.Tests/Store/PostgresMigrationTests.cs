using Encore.Core.Errors;
using Encore.Evaluation.Postgres;

namespace Encore.Online.Tests.Store;

/// <summary>PostgreSQL-only behaviour: schema versions, locations. Skipped without a database unless CI=true.</summary>
public sealed class PostgresMigrationTests
{
    [PostgresTheory, MemberData(nameof(TestStores.PostgresOnly), MemberType = typeof(TestStores))]
    public void Open_FreshSchema_RecordsVersionOfEachComponent(string kind)
    {
        using var scope = new StoreScope(kind);
        using (scope.OpenOnline()) { }
        scope.OpenRuns();
        using var source = Npgsql.NpgsqlDataSource.Create(scope.Location);
        Assert.Equal(Encore.Online.Store.Postgres.PostgresSchema.Migrations.Length, PostgresMigrator.Version(source, "online"));
        Assert.Equal(1, PostgresMigrator.Version(source, "runs"));
    }

    [PostgresTheory, MemberData(nameof(TestStores.PostgresOnly), MemberType = typeof(TestStores))]
    public void Open_SchemaNewerThanBuild_IsRefusedWithTheVersions(string kind)
    {
        using var scope = new StoreScope(kind);
        using (scope.OpenOnline()) { }
        scope.ExecutePostgres("UPDATE encore_schema SET version = 99 WHERE component = 'online';");
        var error = Assert.Throws<EncoreException>(() => scope.OpenOnline());
        Assert.Contains($"version 99, newer than this build's {Encore.Online.Store.Postgres.PostgresSchema.Migrations.Length}", error.Message, StringComparison.Ordinal);
    }

    [PostgresTheory, MemberData(nameof(TestStores.PostgresOnly), MemberType = typeof(TestStores))]
    public async Task Open_ManyProcessesAtOnce_MigrateOnce(string kind)
    {
        using var scope = new StoreScope(kind);
        var stores = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => scope.OpenOnline())));
        foreach (var store in stores) store.Dispose();
        using var sut = scope.OpenOnline();
        Assert.Equal(0, sut.Events.Count());
    }
}

/// <summary>Location parsing needs no database.</summary>
public sealed class PostgresLocationTests
{
    [Theory]
    [InlineData("postgres://u:p@db.example:6543/encore", true)]
    [InlineData("postgresql://localhost/encore", true)]
    [InlineData("Host=localhost;Database=encore", true)]
    [InlineData("Database=encore;Host=localhost", true)]
    [InlineData("encore.db", false)]
    [InlineData("/var/lib/encore/encore.db", false)]
    public void IsPostgres_TellsUrisAndKeyValueStringsFromPaths(string location, bool expected) =>
        Assert.Equal(expected, PostgresLocation.IsPostgres(location));

    [Fact]
    public void ToConnectionString_Uri_MapsEveryPart()
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(
            PostgresLocation.ToConnectionString("postgres://enc%40re:s3cr%2Ft@db.example:6543/music?sslmode=disable&search_path=tenant1"));
        Assert.Equal(("db.example", 6543, "music", "enc@re", "s3cr/t", "tenant1", Npgsql.SslMode.Disable),
            (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password, builder.SearchPath, builder.SslMode));
    }

    [Fact]
    public void ToConnectionString_UnknownQueryParameter_NamesIt()
    {
        var error = Assert.Throws<ArgumentException>(() => PostgresLocation.ToConnectionString("postgres://u:secret@h/db?bogus=1"));
        Assert.Contains("'bogus'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_HidesThePassword()
    {
        Assert.Equal("postgres://u:***@h:5432/db", PostgresLocation.Redact("postgres://u:secret@h:5432/db"));
        Assert.DoesNotContain("secret", PostgresLocation.Redact("Host=h;Password=secret"), StringComparison.Ordinal);
    }
}
