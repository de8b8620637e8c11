using System.Globalization;
using Encore.Evaluation.Statistics;

namespace Encore.Evaluation.Runs;

/// <summary>
/// Whether the best personalised model beats the popularity list by more than chance (issue 11, "Defaults matter"): the
/// best run other than popularity against the popularity run of the same data and protocol, paired over their common users
/// (<see cref="PairedComparison"/>: bootstrap interval of the mean difference, sign-flip permutation p). There is signal when
/// the difference is positive and significant at alpha; otherwise the verdict says plainly that there is none.
/// </summary>
/// <param name="Metric">The metric compared, e.g. "ndcg@10".</param>
/// <param name="Best">The best model other than popularity (by the metric's mean).</param>
/// <param name="BestInterval">The best run's mean with its 95% interval (the run's own bootstrap; the paired mean when the run has none).</param>
/// <param name="PopularityMean">The popularity run's mean over all its users.</param>
/// <param name="Comparison">The paired comparison, a = popularity, b = the best model.</param>
public sealed record PopularityVerdict(string Metric, string Best, (double Mean, double Low, double High) BestInterval, double PopularityMean, PairedComparisonResult Comparison)
{
    /// <summary>The name of the popularity list's runs.</summary>
    public const string PopularityModel = "popularity";

    /// <summary>True when the best model is significantly better than popularity (difference above 0, permutation p below alpha).</summary>
    public bool HasSignal => Comparison.IsSignificant && Comparison.MeanDifference > 0;

    /// <summary>
    /// One sentence, e.g. "no signal beyond popularity: best model als NDCG@10 0.1021 [0.0950, 0.1093] vs popularity 0.1003,
    /// paired difference 0.0018 [-0.0031, 0.0067] (permutation p 0.47, 812 users)".
    /// </summary>
    public string Sentence
    {
        get
        {
            var c = Comparison;
            var head = HasSignal ? "signal beyond popularity" : "no signal beyond popularity";
            return string.Create(CultureInfo.InvariantCulture,
                $"{head}: best model {Best} {Metric.Replace("ndcg", "NDCG", StringComparison.Ordinal)} {F(BestInterval.Mean)} [{F(BestInterval.Low)}, {F(BestInterval.High)}] vs popularity {F(PopularityMean)}, " +
                $"paired difference {F(c.MeanDifference)} [{F(c.CiLow)}, {F(c.CiHigh)}] (permutation p {c.PermutationPValue:0.####}, {c.Pairs:N0} users)");
        }
    }

    // Four decimals, never "-0.0000" (a difference of -1e-17 is 0): adding +0 turns a negative zero positive.
    private static string F(double value) => (Math.Round(value, 4) + 0.0).ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>
    /// The verdict of <paramref name="runs"/> (one leaderboard: same data and protocol) on <paramref name="metric"/>; null when
    /// there is no popularity run, no other run, or the runs carry no per-user values of the metric.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static PopularityVerdict? Of(IReadOnlyList<ExperimentRun> runs, string metric, ulong seed = 42)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(metric);
        var popularity = runs.FirstOrDefault(r => r.Model == PopularityModel && r.PerUser.ContainsKey(metric));
        if (popularity is null) return null;
        var best = runs.Where(r => r.Model != PopularityModel && r.PerUser.ContainsKey(metric) && r.Means.ContainsKey(metric)
                && r.DatasetHash == popularity.DatasetHash && r.Protocol == popularity.Protocol)
            .OrderByDescending(r => r.Means[metric]).FirstOrDefault();
        if (best is null) return null;
        var comparison = RunComparison.Compare(popularity, best, metric, seed);
        var interval = best.Intervals.TryGetValue(metric, out var i) ? (best.Means[metric], i.Low, i.High) : (comparison.MeanB, comparison.MeanB, comparison.MeanB);
        return new PopularityVerdict(metric, best.Model, interval, popularity.Means.GetValueOrDefault(metric, comparison.MeanA), comparison);
    }

    /// <summary>The verdict from per-user values aligned by user (a hand-made or already paired table).</summary>
    /// <param name="metric">Metric name for the sentence.</param>
    /// <param name="best">The best model's name.</param>
    /// <param name="bestValues">Its per-user values.</param>
    /// <param name="popularityValues">Popularity's per-user values, same users in the same order.</param>
    /// <param name="seed">Seed of the bootstrap and the permutations.</param>
    /// <exception cref="ArgumentException">The arrays differ in length.</exception>
    public static PopularityVerdict Compare(string metric, string best, double[] bestValues, double[] popularityValues, ulong seed = 42)
    {
        var comparison = PairedComparison.Compare(popularityValues, bestValues, seed);
        var (mean, low, high) = BootstrapInterval.OfMean(bestValues, 2000, 0.95, seed);
        return new PopularityVerdict(metric, best, (mean, low, high), comparison.MeanA, comparison);
    }
}
