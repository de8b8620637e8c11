using System.Net.Http.Json;
using Encore.Evaluation.Runs;
using Microsoft.Data.Sqlite;

namespace Encore.Server.Tests.Dashboard;

/// <summary>
/// A real server whose runs.path is a temp experiment store holding <see cref="Runs"/>: three models on one
/// dataset / protocol (ALS best), and one ALS run on a second dataset with a temporal protocol.
/// </summary>
public sealed class RunsServerFixture : IAsyncLifetime
{
    private string _folder = "";

    public TestServer Server { get; private set; } = null!;

    public static IReadOnlyList<ExperimentRun> Runs { get; } =
    [
        Run("r-als", 0, "als", "tiny", "user-holdout-0.2 full-ranking", ndcg: 0.31, low: 0.28, high: 0.34, coverage: 0.20),
        Run("r-knn", 1, "item-knn", "tiny", "user-holdout-0.2 full-ranking", ndcg: 0.27, low: 0.24, high: 0.30, coverage: 0.35),
        Run("r-pop", 2, "popularity", "tiny", "user-holdout-0.2 full-ranking", ndcg: 0.12, low: 0.10, high: 0.14, coverage: 0.01),
        Run("r-als-peers", 3, "als", "peers", "temporal 0.8/0.1/0.1", ndcg: 0.20, low: 0.18, high: 0.22, coverage: 0.15),
    ];

    public async Task InitializeAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "encore-runs-" + Guid.NewGuid().ToString("N"));
        var path = Path.Combine(_folder, "encore-runs.db");
        new SqliteRunStore(path).Save(Runs);
        Server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Runs:Path"] = path }, preload: false);
    }

    public async Task<T> Get<T>(string path) => (await Server.Client.GetFromJsonAsync<T>(path, System.Text.Json.JsonSerializerOptions.Web))!;

    /// <summary>A run with ndcg@10 (interval from three per-user values), recall@10 (no interval) and coverage@10.</summary>
    private static ExperimentRun Run(string id, int hour, string model, string dataset, string protocol, double ndcg, double low, double high, double coverage) => new()
    {
        Id = id,
        StartedAt = new DateTimeOffset(2025, 1, 2, 10 + hour, 0, 0, TimeSpan.Zero),
        Kind = "evaluate",
        Model = model,
        Parameters = new Dictionary<string, string> { ["factors"] = "8" },
        Dataset = dataset,
        DatasetHash = "hash-" + dataset,
        Protocol = protocol,
        CodeVersion = "test",
        Seed = 42,
        FitSeconds = 1.5 + hour,
        EvaluateSeconds = 0.25,
        Means = new Dictionary<string, double> { ["ndcg@10"] = ndcg, ["recall@10"] = ndcg + 0.1, ["coverage@10"] = coverage, ["ndcg@5"] = ndcg - 0.05 },
        Intervals = new Dictionary<string, MetricInterval> { ["ndcg@10"] = new(low, high), ["ndcg@5"] = new(low - 0.05, high - 0.05) },
        Users = [0, 1, 2],
        PerUser = new Dictionary<string, double[]> { ["ndcg@10"] = [ndcg - 0.1, ndcg, ndcg + 0.1], ["ndcg@5"] = [ndcg - 0.15, ndcg - 0.05, ndcg + 0.05] },
        Curve = model == "als" ? [new CurvePoint(1, "loss", 0.9), new CurvePoint(2, "loss", 0.5)] : [],
    };

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
