using Encore.Evaluation.Runs;

namespace Encore.Online.Tests.Store;

/// <summary>The run store (experiment runs) on every backend of <see cref="TestStores.Kinds"/>.</summary>
public sealed class RunStoreContractTests
{
    public static TheoryData<string> Kinds => TestStores.Kinds();

    private static ExperimentRun Run(string id, string model = "als", string? sweep = null, int minute = 0) => new()
    {
        Id = id,
        StartedAt = new DateTimeOffset(2026, 11, 23, 10, minute, 5, TimeSpan.Zero),
        Kind = sweep is null ? "evaluate" : "sweep",
        SweepId = sweep,
        Model = model,
        Parameters = new Dictionary<string, string> { ["factors"] = "64" },
        Dataset = "synthetic-tiny",
        DatasetHash = "abc123",
        Protocol = "holdout-0.2 full-ranking",
        CodeVersion = "1.0.0+test",
        Seed = ulong.MaxValue - 7,
        FitSeconds = 1.25,
        EvaluateSeconds = 0.5,
        Means = new Dictionary<string, double> { ["ndcg@10"] = 0.25 },
        Intervals = new Dictionary<string, MetricInterval> { ["ndcg@10"] = new(0.2, 0.3) },
        Users = [3, 7, 9],
        PerUser = new Dictionary<string, double[]> { ["ndcg@10"] = [0.5, 0.25, 0], ["recall@10"] = [1, 0, 0.5] },
        Curve = [new CurvePoint(1, "loss", 0.75), new CurvePoint(2, "loss", double.NaN)],
    };

    [Theory, MemberData(nameof(Kinds))]
    public void Save_ThenGet_RoundTripsEveryField(string kind)
    {
        using var scope = new StoreScope(kind);
        var run = Run("r1");
        scope.OpenRuns().Save(run);
        var back = scope.OpenRuns().Get("r1")!;
        Assert.Equal((run.StartedAt, run.Seed, run.Protocol, run.FitSeconds), (back.StartedAt, back.Seed, back.Protocol, back.FitSeconds));
        Assert.Equal(run.Parameters, back.Parameters);
        Assert.Equal(run.Means, back.Means);
        Assert.Equal(run.Intervals, back.Intervals);
        Assert.Equal(run.Users, back.Users);
        Assert.Equal(run.PerUser["recall@10"], back.PerUser["recall@10"]);
        Assert.Equal(["ndcg@10", "recall@10"], back.PerUser.Keys);
        Assert.Equal(run.Curve, back.Curve);
        Assert.Null(scope.OpenRuns().Get("missing"));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void List_FiltersAndLast_KeepStartOrder(string kind)
    {
        using var scope = new StoreScope(kind);
        var sut = scope.OpenRuns();
        sut.Save([Run("a", minute: 3), Run("b", "knn", minute: 1), Run("c", sweep: "s1", minute: 2), Run("d", sweep: "s1", minute: 4)]);
        Assert.Equal(["b", "c", "a", "d"], sut.List().Select(r => r.Id));
        Assert.Equal(["c", "a", "d"], sut.List(new RunQuery { Model = "als" }).Select(r => r.Id));
        Assert.Equal(["c", "d"], sut.List(new RunQuery { SweepId = "s1" }).Select(r => r.Id));
        Assert.Equal(["a", "d"], sut.List(new RunQuery { Last = 2 }).Select(r => r.Id));
        Assert.Empty(sut.List()[0].PerUser);
        Assert.Equal(2, sut.List(new RunQuery { IncludeDetails = true })[0].PerUser.Count);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Save_BatchWithAClash_StoresNothing(string kind)
    {
        using var scope = new StoreScope(kind);
        var sut = scope.OpenRuns();
        sut.Save(Run("a"));
        Assert.ThrowsAny<Exception>(() => sut.Save([Run("b"), Run("a")]));
        Assert.Equal(["a"], sut.List().Select(r => r.Id));
    }
}
