using System.Net;
using Encore.Evaluation.Postgres;
using Encore.Online;
using Encore.Server.Configuration;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;

namespace Encore.Server.Cluster;

/// <summary>
/// Cluster mode wiring: the service hosts an Orleans silo in-process (UseOrleans), clustered through PostgreSQL with
/// Orleans' ADO.NET clustering (membership, failure detection and grain placement are Orleans'); per-user calls
/// go through <see cref="IUserGrain"/>; retraining runs on the singleton <see cref="IRetrainGrain"/>;
/// <see cref="ModelFollowService"/> keeps every silo on the registry's active models (loaded by content hash). Without cluster.membership the service runs alone (<see cref="LocalUserRouter"/>).
/// </summary>
public static class ClusterHosting
{
    /// <summary>Registers the user router, and in cluster mode the silo, its schema and the model follower.</summary>
    /// <exception cref="IOException">The membership database cannot be reached (PostgresMigrator.OpenFirst).</exception>
    /// <exception cref="Core.Errors.EncoreException">The database holds a newer Orleans schema than this build's.</exception>
    public static void Add(WebApplicationBuilder builder, ClusterSection cluster)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(cluster);
        if (!cluster.Enabled)
        {
            builder.Services.AddSingleton<IUserRouter, LocalUserRouter>();
            builder.Services.AddSingleton<IRetrainRunner, LocalRetrainRunner>();
            return;
        }
        var connection = PostgresLocation.ToConnectionString(cluster.Membership!);
        using (var source = NpgsqlDataSource.Create(connection))
            PostgresMigrator.Migrate(source, OrleansMembershipSchema.Component, OrleansMembershipSchema.Migrations, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds());

        // Orleans logs every grain placement (through Polly) at Information; keep its warnings unless asked for more.
        if (builder.Configuration["Logging:LogLevel:Orleans"] is null) builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        if (builder.Configuration["Logging:LogLevel:Polly"] is null) builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Services.AddSingleton<IUserRouter, GrainUserRouter>();
        builder.Services.AddSingleton<IRetrainRunner, GrainRetrainRunner>();
        builder.Services.AddHostedService(sp => new ModelFollowService(sp.GetRequiredService<OnlineEngine>(), sp.GetRequiredService<TimeProvider>(),
            TimeSpan.FromSeconds(cluster.ModelPollSeconds), sp.GetRequiredService<ILogger<ModelFollowService>>()));
        builder.UseOrleans(silo =>
        {
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connection;
            });
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            silo.ConfigureEndpoints(IPAddress.Parse(cluster.Address), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: false);
            silo.Configure<ClusterMembershipOptions>(o => o.ProbeTimeout = TimeSpan.FromSeconds(cluster.ProbeTimeoutSeconds));
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(cluster.ResponseTimeoutSeconds));
            // Request and answer records of Encore.Online cross silos as JSON (the same shapes as the HTTP API).
            silo.Services.AddSerializer(s => s.AddJsonSerializer(isSupported: type => type.Namespace?.StartsWith("Encore.", StringComparison.Ordinal) == true));
        });
    }
}
