using Encore.Data.Synthetic;
using Encore.Evaluation.Protocols;
using Encore.Evaluation.Runs;
using Encore.Evaluation.Sweeps;

namespace Encore.Evaluation.Tests.Sweeps;

public sealed class SweepTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-sweep-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void All_TwoAxes_CartesianProductLastKeyFastest()
    {
        var sut = SweepGrid.Parse(["factors=32,64", "regularization=0.01,0.1,1"]);

        var all = sut.All();

        Assert.Equal(6, sut.Size);
        Assert.Equal(["32/0.01", "32/0.1", "32/1", "64/0.01", "64/0.1", "64/1"], all.Select(s => $"{s["factors"]}/{s["regularization"]}"));
        Assert.Equal(["factors", "regularization"], all[0].Keys);
    }

    [Fact]
    public void Sample_Seeded_DistinctAndReproducible()
    {
        var sut = SweepGrid.Parse(["a=1,2,3,4,5", "b=x,y,z"]);
        var first = sut.Sample(4, 11).Select(s => $"{s["a"]}{s["b"]}").ToArray();
        Assert.Equal(first, sut.Sample(4, 11).Select(s => $"{s["a"]}{s["b"]}"));
        Assert.Equal(4, first.Distinct().Count());
        Assert.Equal(15, sut.Sample(100, 11).Count);
    }

    [Theory]
    [InlineData("factors")]
    [InlineData("=1")]
    [InlineData("factors=")]
    public void Parse_MalformedTerm_Throws(string term) => Assert.Throws<ArgumentException>(() => SweepGrid.Parse([term]));

    [Fact]
    public void Run_Grid_RecordsEveryRunUnderOneSweepIdAndPicksTheBest()
    {
        var world = SyntheticWorld.Generate(SyntheticWorldOptions.Tiny with { Seed = 3 }).Dataset;
        var protocol = ProtocolPreparer.Prepare(world, new ProtocolOptions { Target = EvaluationTarget.Validation });
        var store = new SqliteRunStore(Path.Combine(_dir, "runs.db"));
        var grid = SweepGrid.Parse(["neighbours=5,50"]);

        var result = SweepRunner.Run(protocol, "item-knn", grid.All(), "ndcg@10", new EvaluationSettings { Dataset = "tiny", DatasetHash = "h" }, store: store);

        var stored = store.List(new RunQuery { SweepId = result.SweepId });
        Assert.Equal(2, stored.Count);
        Assert.All(stored, r => Assert.Equal("sweep", r.Kind));
        Assert.Equal(["5", "50"], stored.Select(r => r.Parameters["neighbours"]));
        Assert.Equal(result.Runs.Max(r => r.Means["ndcg@10"]), result.Best.Means["ndcg@10"]);
        Assert.Throws<ArgumentException>(() => SweepRunner.Run(protocol, "item-knn", grid.All(), "ndcg@11", new EvaluationSettings()));
    }
}
