namespace Encore.Server.Tests.Cluster;

/// <summary>The multi-silo tests run one after another (each starts three servers; together they would starve 2 cores and their time bounds).</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection
{
    public const string Name = "cluster (three silos)";
}
