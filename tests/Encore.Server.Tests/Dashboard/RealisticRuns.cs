using System.Globalization;
using Encore.Evaluation.Runs;

namespace Encore.Server.Tests.Dashboard;

/// <summary>
/// An experiment store shaped like a real one for layout tests: the demo's six models and six group strategies
/// on one dataset, a sweep of eight ALS settings (so run ids join the labels), and a temporal protocol on a
/// second dataset with a long name; ids in the store's own format ("r20261129-164134-61c7e8").
/// </summary>
internal static class RealisticRuns
{
    public static IReadOnlyList<ExperimentRun> Create()
    {
        var runs = new List<ExperimentRun>();
        var models = new[] { "popularity", "item-knn", "user-knn", "als", "bpr", "lmf" };
        for (var i = 0; i < models.Length; i++) runs.Add(Run(runs.Count, models[i], "world", "holdout-0.2 seed 42, test, full-ranking", 0.12 + (0.03 * i)));
        foreach (var strategy in new[] { "average", "least-misery", "most-pleasure", "borda-count", "overlap-first" })
            runs.Add(Run(runs.Count, "item-knn/" + strategy, "world", "group protocol: 10 seeded groups of 5", 0.2, kind: "group"));
        for (var i = 0; i < 8; i++)
            runs.Add(Run(runs.Count, "als", "world", "holdout-0.2 seed 42, validation, full-ranking", 0.18 + (0.01 * i), sweep: "s20261129-170000-ab12cd"));
        runs.Add(Run(runs.Count, "als", "lastfm-hetrec-2011-user-artists-play-counts", "temporal 0.8/0.1/0.1 by event time, full-ranking", 0.2497));
        runs.Add(Run(runs.Count, "item-knn", "lastfm-hetrec-2011-user-artists-play-counts", "temporal 0.8/0.1/0.1 by event time, full-ranking", 0.1991));
        return runs;
    }

    private static ExperimentRun Run(int n, string model, string dataset, string protocol, double ndcg, string kind = "evaluate", string? sweep = null)
    {
        var started = new DateTimeOffset(2026, 11, 29, 16, 41, 0, TimeSpan.Zero).AddSeconds(n * 7);
        var id = string.Create(CultureInfo.InvariantCulture, $"r{started:yyyyMMdd-HHmmss}-{(n * 2654435761u) & 0xFFFFFF:x6}");
        var means = new Dictionary<string, double> { ["users"] = 1884 };
        var intervals = new Dictionary<string, MetricInterval>();
        foreach (var k in new[] { 5, 10, 30 })
        {
            var at = k.ToString(CultureInfo.InvariantCulture);
            means[$"ndcg@{at}"] = ndcg * (0.9 + (k / 100.0));
            intervals[$"ndcg@{at}"] = new MetricInterval(means[$"ndcg@{at}"] - 0.021, means[$"ndcg@{at}"] + 0.023);
            means[$"precision@{at}"] = ndcg / 2;
            means[$"recall@{at}"] = ndcg * 1.3;
            means[$"coverage@{at}"] = 0.05 + (n % 5 * 0.07);
        }
        return new ExperimentRun
        {
            Id = id,
            StartedAt = started,
            Kind = kind,
            SweepId = sweep,
            Model = model,
            Parameters = new Dictionary<string, string> { ["factors"] = "64", ["regularization"] = "0.01" },
            Dataset = dataset,
            DatasetHash = "hash-" + dataset,
            Protocol = protocol,
            CodeVersion = "test",
            Seed = 42,
            FitSeconds = 0.5 + n,
            EvaluateSeconds = 0.25 + (n / 10.0),
            Means = means,
            Intervals = intervals,
        };
    }
}
