using Encore.Online;
using Encore.Server.Cluster;
using Encore.Server.Configuration;

namespace Encore.Server.Tests.Cluster;

public sealed class ClusterOptionsTests
{
    private static EncoreServerOptions Options(string store, string membership) => new()
    {
        Store = new StoreSection { Path = store },
        Cluster = new ClusterSection { Membership = membership },
    };

    [Fact]
    public void Validate_ClusterOnSqliteStore_NamesTheSharedStoreRule()
    {
        var result = new ServerOptionsValidator().Validate(null, Options("encore-service.db", "postgres://encore@127.0.0.1:5432/encore"));

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("cluster mode needs a shared store", StringComparison.Ordinal) && f.Contains("encore-service.db", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MembershipNotPostgres_AndBadPortsAndAddress_EachNamed()
    {
        var options = Options("postgres://encore@127.0.0.1:5432/encore", "cluster.db");
        options.Cluster.Address = "localhost";
        options.Cluster.SiloPort = 0;
        options.Cluster.ModelPollSeconds = 0;

        var failures = new ServerOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("cluster.membership", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("cluster.address 'localhost'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("cluster.silo_port", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("cluster.model_poll_seconds", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoCluster_NoClusterRules()
    {
        var options = new EncoreServerOptions();
        options.Cluster.SiloPort = -1;

        Assert.False(new ServerOptionsValidator().Validate(null, options).Failed);
        Assert.False(options.Cluster.Enabled);
    }

    [Fact]
    public void GrainReply_Problem_IsThrownAgainWithFieldAndErrors()
    {
        var original = new OnlineRequestException(RequestProblem.NotFound, "model", "No model named 'x'.")
        {
            Errors = new Dictionary<string, string[]> { ["model"] = ["unknown"] },
        };

        var error = Assert.Throws<OnlineRequestException>(() => GrainReply<string>.Failed(original).Unwrap());

        Assert.Equal((RequestProblem.NotFound, "model", "No model named 'x'."), (error.Problem, error.Field, error.Message));
        Assert.Equal(["unknown"], error.Errors!["model"]);
        Assert.Equal("ok", new GrainReply<string>("ok").Unwrap());
    }
}
