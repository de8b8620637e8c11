namespace Encore.Server.Configuration;

/// <summary>
/// Cluster mode (docs/deployment.md): the service hosts an Orleans silo clustered through PostgreSQL. Off while
/// <see cref="Membership"/> is empty.
/// </summary>
public sealed class ClusterSection
{
    /// <value>PostgreSQL database (postgres:// URI or Host=... string) holding the Orleans membership tables; usually the
    /// same database as store.path. Empty (default): no cluster, a single process.</value>
    public string? Membership { get; set; }

    /// <value>Orleans cluster id: silos with the same id and database form one cluster. Default "encore".</value>
    public string ClusterId { get; set; } = "encore";

    /// <value>Orleans service id (stable across deployments of the same service). Default "encore".</value>
    public string ServiceId { get; set; } = "encore";

    /// <value>Address other silos reach this silo at, and the one it listens on. Default "127.0.0.1" (one machine).</value>
    public string Address { get; set; } = "127.0.0.1";

    /// <value>Silo-to-silo TCP port; one per silo on the same machine. Default 11111.</value>
    public int SiloPort { get; set; } = 11111;

    /// <value>Orleans client gateway port, 0 for none (HTTP is the service's only front door). Default 0.</value>
    public int GatewayPort { get; set; }

    /// <value>Seconds a membership probe may take before it counts as missed; three missed probes and two votes declare a
    /// silo dead. Default 2 (Orleans' own default is 5; lower detects a killed silo sooner, too low suspects busy ones).</value>
    public double ProbeTimeoutSeconds { get; set; } = 2;

    /// <value>Seconds a call between silos may take before it fails (Orleans' response timeout). Default 10.</value>
    public double ResponseTimeoutSeconds { get; set; } = 10;

    /// <value>Seconds between checks of the shared model registry: a version activated on any silo serves on this one
    /// within this time plus its load time. Default 2.</value>
    public double ModelPollSeconds { get; set; } = 2;

    /// <summary>True when cluster mode is on.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Membership);
}
