using Encore.Evaluation.Postgres;
using Encore.Server.Cluster;
using Npgsql;

namespace Encore.Server.Tests.Cluster;

/// <summary>
/// The membership SQL against a real PostgreSQL: created once, complete for the provider, and the insert / update
/// functions honour the table version (optimistic concurrency) as the provider expects.
/// </summary>
public sealed class OrleansMembershipSchemaTests
{
    private static readonly string[] ProviderKeys =
    [
        "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey", "MembershipReadRowKey",
        "MembershipReadAllKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey", "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
    ];

    [PostgresFact]
    public void Migrate_Twice_CreatesOnceWithEveryProviderQuery()
    {
        using var database = new PostgresSchemaScope();
        using var source = NpgsqlDataSource.Create(database.Location);

        Assert.Equal(0, PostgresMigrator.Migrate(source, OrleansMembershipSchema.Component, OrleansMembershipSchema.Migrations, 1));
        Assert.Equal(1, PostgresMigrator.Migrate(source, OrleansMembershipSchema.Component, OrleansMembershipSchema.Migrations, 2));

        using var keys = source.CreateCommand("SELECT QueryKey FROM OrleansQuery ORDER BY 1;");
        using var reader = keys.ExecuteReader();
        var found = new List<string>();
        while (reader.Read()) found.Add(reader.GetString(0));
        Assert.Equal(ProviderKeys.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }

    [PostgresFact]
    public void InsertAndUpdate_AgainstStaleVersion_ChangeNothing()
    {
        using var database = new PostgresSchemaScope();
        using var source = NpgsqlDataSource.Create(database.Location);
        PostgresMigrator.Migrate(source, OrleansMembershipSchema.Component, OrleansMembershipSchema.Migrations, 1);
        var now = new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

        Assert.Equal(1, Run(source, "InsertMembershipVersionKey", new() { ["DeploymentId"] = "c1" }));
        Assert.Equal(0, Run(source, "InsertMembershipVersionKey", new() { ["DeploymentId"] = "c1" }));
        var member = new Dictionary<string, object?>
        {
            ["DeploymentId"] = "c1",
            ["Address"] = "127.0.0.1",
            ["Port"] = 11111,
            ["Generation"] = 7,
            ["SiloName"] = "s1",
            ["HostName"] = "h",
            ["Status"] = 2,
            ["ProxyPort"] = 0,
            ["StartTime"] = now,
            ["IAmAliveTime"] = now,
            ["Version"] = 0,
        };
        Assert.Equal(1, Run(source, "InsertMembershipKey", member));
        // Version 0 is stale now (the insert bumped it to 1): a second silo that read version 0 must lose.
        Assert.Equal(0, Run(source, "InsertMembershipKey", new(member) { ["Port"] = 11112 }));

        var update = new Dictionary<string, object?>
        {
            ["DeploymentId"] = "c1",
            ["Address"] = "127.0.0.1",
            ["Port"] = 11111,
            ["Generation"] = 7,
            ["Status"] = 3,
            ["SuspectTimes"] = null,
            ["IAmAliveTime"] = now,
            ["Version"] = 0,
        };
        Assert.Equal(0, Run(source, "UpdateMembershipKey", update));
        Assert.Equal(1, Run(source, "UpdateMembershipKey", new(update) { ["Version"] = 1 }));

        using var read = Command(source, "MembershipReadAllKey", new() { ["DeploymentId"] = "c1" });
        using var reader = read.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal((11111, 3, 2), (reader.GetInt32(reader.GetOrdinal("Port")), reader.GetInt32(reader.GetOrdinal("Status")), reader.GetInt32(reader.GetOrdinal("Version"))));
        Assert.False(reader.Read());
    }

    private static int Run(NpgsqlDataSource source, string key, Dictionary<string, object?> parameters)
    {
        using var command = Command(source, key, parameters);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static NpgsqlCommand Command(NpgsqlDataSource source, string key, Dictionary<string, object?> parameters)
    {
        string sql;
        using (var text = source.CreateCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = @k;"))
        {
            text.Parameters.AddWithValue("k", key);
            sql = (string)text.ExecuteScalar()!;
        }
        var command = source.CreateCommand(sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
