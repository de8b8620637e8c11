using Encore.Evaluation.Statistics;

namespace Encore.Online.Experiments;

/// <summary>One variant's online metrics: per-impression rates of plays, likes and skips with 95% intervals.</summary>
public sealed record VariantMetrics(string Variant, int Users, long Impressions, RatioEstimate PlayRate, RatioEstimate LikeRate, RatioEstimate SkipRate);

/// <summary>A variant compared with the control on one metric (treatment − control).</summary>
public sealed record VariantComparison(string Variant, string Metric, RatioDifference Result);

/// <summary>An experiment's report: metrics per variant and each non-control variant against the control.</summary>
/// <param name="Experiment">Experiment name.</param>
/// <param name="Alpha">Per-comparison level: the family level divided by the number of comparisons (Bonferroni).</param>
/// <param name="Variants">Metrics per variant, control first.</param>
/// <param name="Comparisons">Each non-control variant against the control, per metric.</param>
public sealed record AbReport(string Experiment, double Alpha, IReadOnlyList<VariantMetrics> Variants, IReadOnlyList<VariantComparison> Comparisons);

/// <summary>
/// Builds <see cref="AbReport"/>s from an <see cref="AbLedger"/>. The unit of analysis is the user (the unit of
/// randomisation), each rate a ratio of per-user sums with a delta-method variance; the test is the fixed-horizon
/// two-sample z-test of <see cref="RatioComparison"/>, Bonferroni-corrected over the (variants − 1) comparisons
/// of the play rate. Read it once at the planned sample size: repeated peeking inflates the error rate.
/// </summary>
public static class AbAnalysis
{
    /// <summary>The metrics compared: "play_rate", "like_rate", "skip_rate" (per impression).</summary>
    public static readonly string[] MetricNames = ["play_rate", "like_rate", "skip_rate"];

    /// <param name="experiment">The experiment (its first variant is the control).</param>
    /// <param name="ledger">The served lists and attributed feedback.</param>
    /// <param name="alpha">Family-wise level of the play-rate comparisons, default 0.05.</param>
    public static AbReport Analyse(AbExperiment experiment, AbLedger ledger, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(ledger);
        var variants = experiment.Variants.Select(v => Metrics(v.Name, ledger.Totals(experiment.Name, v.Name))).ToList();
        var perComparison = alpha / Math.Max(1, variants.Count - 1);
        var comparisons = new List<VariantComparison>();
        for (var i = 1; i < variants.Count; i++)
        {
            comparisons.Add(new(variants[i].Variant, "play_rate", RatioComparison.Compare(variants[0].PlayRate, variants[i].PlayRate, perComparison)));
            comparisons.Add(new(variants[i].Variant, "like_rate", RatioComparison.Compare(variants[0].LikeRate, variants[i].LikeRate, perComparison)));
            comparisons.Add(new(variants[i].Variant, "skip_rate", RatioComparison.Compare(variants[0].SkipRate, variants[i].SkipRate, perComparison)));
        }
        return new AbReport(experiment.Name, perComparison, variants, comparisons);
    }

    private static VariantMetrics Metrics(string variant, IReadOnlyList<UserTotals> users)
    {
        var impressions = users.Select(u => (double)u.Impressions).ToArray();
        RatioEstimate Rate(Func<UserTotals, int> count) => RatioComparison.Estimate(users.Select(u => (double)count(u)).ToArray(), impressions);
        return new VariantMetrics(variant, users.Count, (long)impressions.Sum(), Rate(u => u.Played), Rate(u => u.Liked), Rate(u => u.Skipped));
    }
}
