using Encore.Evaluation.Runs;
using Microsoft.Data.Sqlite;

namespace Encore.Evaluation.Tests.Runs;

public sealed class SqliteRunStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-runs-").FullName;

    private string DbPath => Path.Combine(_dir, "encore.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static ExperimentRun Run(string id, string model = "als", string? sweep = null, int minute = 0) => new()
    {
        Id = id,
        StartedAt = new DateTimeOffset(2026, 11, 23, 10, minute, 5, TimeSpan.Zero),
        Kind = sweep is null ? "evaluate" : "sweep",
        SweepId = sweep,
        Model = model,
        Parameters = new Dictionary<string, string> { ["factors"] = "64", ["regularization"] = "0.01" },
        Dataset = "/data/hetrec",
        DatasetHash = "abc123",
        Protocol = "holdout-0.2 test full-ranking",
        CodeVersion = "1.0.0+deadbeef",
        Seed = ulong.MaxValue - 7,
        FitSeconds = 1.25,
        EvaluateSeconds = 0.5,
        Means = new Dictionary<string, double> { ["ndcg@10"] = 0.25, ["precision@10"] = 0.125 },
        Intervals = new Dictionary<string, MetricInterval> { ["ndcg@10"] = new(0.2, 0.3) },
        Users = [3, 7, 9],
        PerUser = new Dictionary<string, double[]> { ["ndcg@10"] = [0.5, 0.25, 0], ["precision@10"] = [0.1, 0.2, 0.075] },
        Curve = [new CurvePoint(1, "loss", 0.75), new CurvePoint(2, "loss", double.NaN), new CurvePoint(2, "seconds", 0.5)],
    };

    [Fact]
    public void Save_ThenGet_RoundTripsEveryField()
    {
        var sut = new SqliteRunStore(DbPath);
        var run = Run("r1");
        sut.Save(run);

        var back = new SqliteRunStore(DbPath).Get("r1");

        Assert.NotNull(back);
        Assert.Equal(run.Id, back.Id);
        Assert.Equal(run.StartedAt, back.StartedAt);
        Assert.Equal(run.Kind, back.Kind);
        Assert.Null(back.SweepId);
        Assert.Equal(run.Model, back.Model);
        Assert.Equal(run.Parameters, back.Parameters);
        Assert.Equal(run.Dataset, back.Dataset);
        Assert.Equal(run.DatasetHash, back.DatasetHash);
        Assert.Equal(run.Protocol, back.Protocol);
        Assert.Equal(run.CodeVersion, back.CodeVersion);
        Assert.Equal(ulong.MaxValue - 7, back.Seed);
        Assert.Equal(1.25, back.FitSeconds);
        Assert.Equal(0.5, back.EvaluateSeconds);
        Assert.Equal(run.Means, back.Means);
        Assert.Equal(new MetricInterval(0.2, 0.3), back.Intervals["ndcg@10"]);
        Assert.Equal([3, 7, 9], back.Users);
        Assert.Equal(["ndcg@10", "precision@10"], back.PerUser.Keys);
        Assert.Equal([0.1, 0.2, 0.075], back.PerUser["precision@10"]);
        Assert.Equal(3, back.Curve.Count);
        Assert.Equal(new CurvePoint(1, "loss", 0.75), back.Curve[0]);
        Assert.True(double.IsNaN(back.Curve[1].Value));
        Assert.Equal("seconds", back.Curve[2].Series);
    }

    [Fact]
    public void Get_UnknownId_ReturnsNull()
    {
        var sut = new SqliteRunStore(DbPath);
        Assert.Null(sut.Get("nope"));
        Assert.Throws<ArgumentException>(() => sut.GetRequired("nope"));
    }

    [Fact]
    public void List_FiltersByModelSweepAndKind_OldestFirst()
    {
        var sut = new SqliteRunStore(DbPath);
        sut.Save([Run("a", "als", minute: 3), Run("b", "item-knn", minute: 1), Run("c", "als", "s1", minute: 2), Run("d", "als", "s1", minute: 4)]);

        Assert.Equal(["b", "c", "a", "d"], sut.List().Select(r => r.Id));
        Assert.Equal(["c", "a", "d"], sut.List(new RunQuery { Model = "als" }).Select(r => r.Id));
        Assert.Equal(["c", "d"], sut.List(new RunQuery { SweepId = "s1" }).Select(r => r.Id));
        Assert.Equal(["b", "a"], sut.List(new RunQuery { Kind = "evaluate" }).Select(r => r.Id));
        Assert.Equal(["a", "d"], sut.List(new RunQuery { Last = 2 }).Select(r => r.Id));
        Assert.Empty(sut.List(new RunQuery { Model = "ease" }));
    }

    [Fact]
    public void List_WithoutDetails_LeavesPerUserEmpty_WithDetailsLoadsThem()
    {
        var sut = new SqliteRunStore(DbPath);
        sut.Save(Run("a"));
        Assert.Empty(sut.List().Single().PerUser);
        Assert.Equal([3, 7, 9], sut.List().Single().Users);
        var full = sut.List(new RunQuery { IncludeDetails = true }).Single();
        Assert.Equal(2, full.PerUser.Count);
        Assert.Equal(3, full.Curve.Count);
    }

    [Fact]
    public void Save_FailingRunInBatch_KeepsEarlierRunsAndWritesNoneOfTheBatch()
    {
        var sut = new SqliteRunStore(DbPath);
        sut.Save(Run("kept"));
        // The second run reuses an id: the primary key fails and the whole batch rolls back.
        Assert.Throws<SqliteException>(() => sut.Save([Run("new"), Run("kept")]));
        Assert.Equal(["kept"], sut.List().Select(r => r.Id));
        Assert.NotNull(sut.Get("kept"));
    }

    [Fact]
    public void Save_PerUserLengthMismatch_IsRefusedBeforeWriting()
    {
        var sut = new SqliteRunStore(DbPath);
        var bad = Run("bad") with { PerUser = new Dictionary<string, double[]> { ["ndcg@10"] = [1.0] } };
        Assert.Throws<ArgumentException>(() => sut.Save(bad));
        Assert.Empty(sut.List());
    }

    [Fact]
    public void Constructor_NewFile_SetsSchemaVersion()
    {
        _ = new SqliteRunStore(DbPath);
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        Assert.Equal(1L, command.ExecuteScalar());
    }

    [Fact]
    public void Constructor_NewerSchemaVersion_IsRefusedWithAClearMessage()
    {
        using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 9;";
            command.ExecuteNonQuery();
        }
        var error = Assert.Throws<Encore.Core.Errors.EncoreException>(() => new SqliteRunStore(DbPath));
        Assert.Contains("schema version 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_TwoWritersAtOnce_StoreEveryRunIntact()
    {
        // Two store objects = two independent connections to the same file, writing concurrently.
        var first = new SqliteRunStore(DbPath);
        var second = new SqliteRunStore(DbPath);
        var writers = new[] { first, second }.Select((store, w) => Task.Run(() =>
        {
            for (var i = 0; i < 25; i++) store.Save(Run($"w{w}-{i}", model: $"m{w}"));
        })).ToArray();
        await Task.WhenAll(writers);

        var all = new SqliteRunStore(DbPath).List(new RunQuery { IncludeDetails = true });
        Assert.Equal(50, all.Count);
        Assert.Equal(25, all.Count(r => r.Model == "m0"));
        Assert.All(all, r => Assert.Equal([0.5, 0.25, 0], r.PerUser["ndcg@10"]));
        Assert.All(all, r => Assert.Equal(3, r.Curve.Count));
    }
}
