using Encore.Evaluation.Protocols.SampledNegatives;
using Encore.Evaluation.Runs;

namespace Encore.Evaluation.Protocols.Playlists;

/// <summary>
/// Turns the playlist protocols' results into experiment runs for the run store (<c>runs list</c>, the report): the
/// challenge and hide-first runs carry the overall means ("r-precision", "ndcg@500", "clicks", "hr@100"); the
/// per-category means as "metric/category" ("r-precision/title-first-5", "playlists/title-only": see <see cref="CategoryKey"/>); the
/// sampled-negatives runs carry "accuracy" and "roc-auc" with their 95% intervals and the chosen threshold as a
/// parameter. The random 1:1 baseline is a reference row of the table and is not recorded.
/// </summary>
public static class PlaylistRuns
{
    public const string RPrecision = "r-precision";
    public const string Ndcg = "ndcg@500";
    public const string Clicks = "clicks";
    public const string HitRate = "hr@100";
    public const string Accuracy = "accuracy";
    public const string RocAuc = "roc-auc";

    /// <summary>One run per model of a challenge or hide-first evaluation.</summary>
    public static IReadOnlyList<ExperimentRun> From(IReadOnlyList<ChallengeModelResult> results, IReadOnlyList<ModelCandidate> candidates, string protocol,
        string dataset, string datasetHash, ulong seed, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(time);
        return [.. results.Select((r, i) => Run(r.Model, candidates[i].Parameters, protocol, dataset, datasetHash, seed, time, r.FitSeconds,
            Means(r), new Dictionary<string, MetricInterval>()))];
    }

    /// <summary>
    /// The run-store key of a metric in one category: "metric/slug", the slug being the category's name in lower case
    /// with "+" dropped and spaces as hyphens ("title + first 5" -> "r-precision/title-first-5").
    /// </summary>
    public static string CategoryKey(string metric, string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        var words = category.ToLowerInvariant().Split([' ', '+'], StringSplitOptions.RemoveEmptyEntries);
        return $"{metric}/{string.Join('-', words)}";
    }

    private static Dictionary<string, double> Means(ChallengeModelResult result)
    {
        var means = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [RPrecision] = result.Overall.RPrecision,
            [Ndcg] = result.Overall.Ndcg,
            [Clicks] = result.Overall.Clicks,
            [HitRate] = result.Overall.HitRate100,
        };
        foreach (var c in result.Categories)
        {
            means[CategoryKey(RPrecision, c.Category)] = c.RPrecision;
            means[CategoryKey(Ndcg, c.Category)] = c.Ndcg;
            means[CategoryKey(Clicks, c.Category)] = c.Clicks;
            means[CategoryKey(HitRate, c.Category)] = c.HitRate100;
            means[CategoryKey("playlists", c.Category)] = c.Playlists;
        }
        return means;
    }

    /// <summary>One run per model of a sampled-negatives evaluation (the random baseline left out).</summary>
    public static IReadOnlyList<ExperimentRun> From(IReadOnlyList<SampledNegativeResult> results, IReadOnlyList<ModelCandidate> candidates, string protocol,
        string dataset, string datasetHash, ulong seed, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(time);
        var models = results.Where(r => r.Model != SampledNegativeRunner.RandomName).ToList();
        return [.. models.Select((r, i) =>
        {
            var parameters = new Dictionary<string, string>(candidates[i].Parameters)
            {
                ["threshold"] = r.Threshold.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            };
            return Run(r.Model, parameters, protocol, dataset, datasetHash, seed, time, r.FitSeconds,
                new Dictionary<string, double> { [Accuracy] = r.Report.Accuracy, [RocAuc] = r.Report.RocAuc },
                new Dictionary<string, MetricInterval> { [Accuracy] = new(r.Report.AccuracyLow, r.Report.AccuracyHigh), [RocAuc] = new(r.Report.RocAucLow, r.Report.RocAucHigh) });
        })];
    }

    private static ExperimentRun Run(string model, IReadOnlyDictionary<string, string> parameters, string protocol, string dataset, string datasetHash, ulong seed,
        TimeProvider time, double fitSeconds, Dictionary<string, double> means, Dictionary<string, MetricInterval> intervals)
    {
        var startedAt = time.GetUtcNow();
        return new ExperimentRun
        {
            Id = RunIds.NewRunId(startedAt),
            StartedAt = startedAt,
            Kind = "evaluate",
            Model = model,
            Parameters = parameters,
            Dataset = dataset,
            DatasetHash = datasetHash,
            Protocol = protocol,
            CodeVersion = CodeVersion.Current,
            Seed = seed,
            FitSeconds = fitSeconds,
            Means = means,
            Intervals = intervals,
        };
    }
}
