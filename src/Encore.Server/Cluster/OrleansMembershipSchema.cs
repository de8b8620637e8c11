namespace Encore.Server.Cluster;

/// <summary>
/// The tables and queries Orleans' ADO.NET clustering provider (Microsoft.Orleans.Clustering.AdoNet, invariant
/// "Npgsql") reads and writes, written for PostgreSQL from the provider's documented contract: it loads its SQL from
/// table <c>OrleansQuery (QueryKey, QueryText)</c> at start, binds the named parameters @DeploymentId, @Address,
/// @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @SuspectTimes, @StartTime, @IAmAliveTime and
/// @Version, and reads result columns by those names. Membership rows are guarded by one version row per
/// deployment (optimistic concurrency: an insert or update succeeds only against the version the silo read, and
/// bumps it). Schema component "orleans" of <see cref="Encore.Evaluation.Postgres.PostgresMigrator"/>, so several
/// silos starting at once create it exactly once under the migration lock. Step i creates version i + 1; a new
/// step is appended, never edited.
/// </summary>
internal static class OrleansMembershipSchema
{
    public const string Component = "orleans";

    /// <summary>SiloStatus.Active and SiloStatus.Dead as Orleans stores them.</summary>
    private const int Active = 3;

    private const int Dead = 6;

    private static readonly string MemberColumns = """
        m.address AS "Address", m.port AS "Port", m.generation AS "Generation", m.silo_name AS "SiloName",
        m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
        m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime", v.version AS "Version"
        """;

    private static readonly (string Key, string Sql)[] Queries =
    [
        ("InsertMembershipVersionKey", """
            WITH added AS (
                INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
                ON CONFLICT (deployment_id) DO NOTHING RETURNING 1)
            SELECT count(*)::integer FROM added;
            """),
        ("InsertMembershipKey", """
            SELECT orleans_insert_member(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
                @ProxyPort, @StartTime, @IAmAliveTime, @Version);
            """),
        ("UpdateMembershipKey", """
            SELECT orleans_update_member(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
                @IAmAliveTime, @Version);
            """),
        ("UpdateIAmAlivetimeKey", """
            UPDATE orleans_membership SET i_am_alive_time = @IAmAliveTime
            WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;
            """),
        ("MembershipReadRowKey", $"""
            SELECT v.deployment_id AS "DeploymentId", {MemberColumns}
            FROM orleans_membership_version v
            LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
                AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
            WHERE v.deployment_id = @DeploymentId;
            """),
        ("MembershipReadAllKey", $"""
            SELECT v.deployment_id AS "DeploymentId", {MemberColumns}
            FROM orleans_membership_version v
            LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
            WHERE v.deployment_id = @DeploymentId;
            """),
        ("DeleteMembershipTableEntriesKey", """
            DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId;
            DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId;
            """),
        ("GatewaysQueryKey", """
            SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
            FROM orleans_membership
            WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0;
            """),
        ("CleanupDefunctSiloEntriesKey", $"""
            DELETE FROM orleans_membership
            WHERE deployment_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status <> {Active};
            """),
        ("CleanupDefunctSiloEntryKey", $"""
            DELETE FROM orleans_membership
            WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
                AND status = {Dead};
            """),
    ];

    public static readonly string[] Migrations = [FirstVersion()];

    private static string FirstVersion()
    {
        var inserts = string.Join("\n", Queries.Select(q =>
            $"INSERT INTO orleansquery (querykey, querytext) VALUES ('{q.Key}', '{q.Sql.Replace("'", "''", StringComparison.Ordinal)}');"));
        return $$"""
            CREATE TABLE IF NOT EXISTS orleansquery (
                querykey VARCHAR(64) PRIMARY KEY,
                querytext TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS orleans_membership_version (
                deployment_id VARCHAR(150) PRIMARY KEY,
                changed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                version INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE IF NOT EXISTS orleans_membership (
                deployment_id VARCHAR(150) NOT NULL REFERENCES orleans_membership_version (deployment_id),
                address VARCHAR(45) NOT NULL,
                port INTEGER NOT NULL,
                generation INTEGER NOT NULL,
                silo_name VARCHAR(150) NOT NULL,
                host_name VARCHAR(150) NOT NULL,
                status INTEGER NOT NULL,
                proxy_port INTEGER,
                suspect_times TEXT,
                start_time TIMESTAMPTZ NOT NULL,
                i_am_alive_time TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (deployment_id, address, port, generation));

            -- Adds a silo's row if the table is still at the version the silo read; 1 on success, else 0.
            CREATE OR REPLACE FUNCTION orleans_insert_member(
                p_deployment TEXT, p_address TEXT, p_port INTEGER, p_generation INTEGER, p_silo_name TEXT, p_host_name TEXT,
                p_status INTEGER, p_proxy_port INTEGER, p_start TIMESTAMPTZ, p_alive TIMESTAMPTZ, p_version INTEGER)
            RETURNS INTEGER LANGUAGE plpgsql AS $body$
            DECLARE
                changed INTEGER;
            BEGIN
                PERFORM 1 FROM orleans_membership_version
                WHERE deployment_id = p_deployment AND version = p_version FOR UPDATE;
                IF NOT FOUND THEN RETURN 0; END IF;
                INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status,
                    proxy_port, start_time, i_am_alive_time)
                VALUES (p_deployment, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status,
                    p_proxy_port, p_start, p_alive)
                ON CONFLICT DO NOTHING;
                GET DIAGNOSTICS changed = ROW_COUNT;
                IF changed = 0 THEN RETURN 0; END IF;
                UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
                WHERE deployment_id = p_deployment;
                RETURN 1;
            END
            $body$;

            -- Changes a silo's status and suspicions if the table is still at the version the silo read; 1 on success, else 0.
            CREATE OR REPLACE FUNCTION orleans_update_member(
                p_deployment TEXT, p_address TEXT, p_port INTEGER, p_generation INTEGER, p_status INTEGER,
                p_suspect_times TEXT, p_alive TIMESTAMPTZ, p_version INTEGER)
            RETURNS INTEGER LANGUAGE plpgsql AS $body$
            DECLARE
                changed INTEGER;
            BEGIN
                PERFORM 1 FROM orleans_membership_version
                WHERE deployment_id = p_deployment AND version = p_version FOR UPDATE;
                IF NOT FOUND THEN RETURN 0; END IF;
                UPDATE orleans_membership
                SET status = p_status, suspect_times = p_suspect_times, i_am_alive_time = p_alive
                WHERE deployment_id = p_deployment AND address = p_address AND port = p_port AND generation = p_generation;
                GET DIAGNOSTICS changed = ROW_COUNT;
                IF changed = 0 THEN RETURN 0; END IF;
                UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
                WHERE deployment_id = p_deployment;
                RETURN 1;
            END
            $body$;

            {{inserts}}
            """;
    }
}
