using Encore.Evaluation.Statistics;
using Encore.Online.Bandits;

namespace Encore.Online.Experiments;

/// <summary>
/// One variant's online metrics: users, impressions and the counts of played / liked / skipped impressions, and the
/// per-impression rates of plays, likes, skips and reward with their delta-method variances and 95% intervals: Wilson
/// score at the effective number of impressions for the three proportions (<see cref="RatioComparison.EstimateProportion"/>),
/// the normal interval clipped to the reward range for the reward (<see cref="RatioComparison.EstimateBounded"/>).
/// A variant with fewer than 2 users has no variance or interval (<see cref="RatioEstimate.HasEnoughData"/>).
/// </summary>
public sealed record VariantMetrics(string Variant, int Users, long Impressions, long Plays, long Likes, long Skips,
    RatioEstimate PlayRate, RatioEstimate LikeRate, RatioEstimate SkipRate, RatioEstimate Reward);

/// <summary>A variant compared with the control on one metric (treatment − control).</summary>
public sealed record VariantComparison(string Variant, string Metric, RatioDifference Result);

/// <summary>An experiment's report: metrics per variant and each non-control variant against the control.</summary>
/// <param name="Experiment">Experiment name.</param>
/// <param name="Alpha">Per-comparison level: the family level divided by the number of comparisons (Bonferroni).</param>
/// <param name="Variants">Metrics per variant, control first.</param>
/// <param name="Comparisons">Each non-control variant against the control, per metric.</param>
public sealed record AbReport(string Experiment, double Alpha, IReadOnlyList<VariantMetrics> Variants, IReadOnlyList<VariantComparison> Comparisons);

/// <summary>
/// Builds <see cref="AbReport"/>s from impressions grouped by user and outcome (an <see cref="AbLedger"/> in memory
/// or the store's <see cref="Store.IExperimentStore.OutcomeCounts"/>). The unit of analysis is the user (the unit
/// of randomisation), each rate a ratio of per-user sums with a delta-method variance (Deng et al., KDD 2018); the
/// test is the fixed-horizon two-sample z-test of <see cref="RatioComparison"/>, Bonferroni-corrected over the
/// (variants − 1) comparisons; a comparison where either variant has fewer than 2 users is "not enough data", never
/// significant. An impression's reward is the largest of the bandit rewards
/// (<see cref="BanditRewardOptions"/>) of its outcomes: played, liked, skipped; 0 without feedback. Read the test
/// once at the planned sample size: repeated peeking inflates the error rate.
/// </summary>
public static class AbAnalysis
{
    /// <summary>The metrics compared: "play_rate", "like_rate", "skip_rate", "reward" (per impression).</summary>
    public static readonly string[] MetricNames = ["play_rate", "like_rate", "skip_rate", "reward"];

    /// <param name="experiment">The experiment (its first variant is the control).</param>
    /// <param name="ledger">The served lists and attributed feedback.</param>
    /// <param name="alpha">Family-wise level of each metric's comparisons, default 0.05.</param>
    /// <param name="rewards">Reward of each outcome (default: play and like 1, skip 0).</param>
    public static AbReport Analyse(AbExperiment experiment, AbLedger ledger, double alpha = 0.05, BanditRewardOptions? rewards = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return Analyse(experiment, v => ledger.OutcomeCounts(experiment.Name, v), alpha, rewards);
    }

    /// <param name="experiment">The experiment (its first variant is the control).</param>
    /// <param name="counts">A variant name's impressions grouped by user and outcome.</param>
    /// <param name="alpha">Family-wise level of each metric's comparisons, in (0, 1); default 0.05.</param>
    /// <param name="rewards">Reward of each outcome (default: play and like 1, skip 0).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is outside (0, 1).</exception>
    public static AbReport Analyse(AbExperiment experiment, Func<string, IReadOnlyList<OutcomeCount>> counts, double alpha = 0.05, BanditRewardOptions? rewards = null)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(counts);
        if (!(alpha is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "expected a level in (0, 1).");
        rewards ??= new BanditRewardOptions();
        var variants = experiment.Variants.Select(v => Metrics(v.Name, counts(v.Name), rewards)).ToList();
        var perComparison = alpha / Math.Max(1, variants.Count - 1);
        var comparisons = new List<VariantComparison>();
        for (var i = 1; i < variants.Count; i++)
        {
            comparisons.Add(new(variants[i].Variant, "play_rate", RatioComparison.Compare(variants[0].PlayRate, variants[i].PlayRate, perComparison)));
            comparisons.Add(new(variants[i].Variant, "like_rate", RatioComparison.Compare(variants[0].LikeRate, variants[i].LikeRate, perComparison)));
            comparisons.Add(new(variants[i].Variant, "skip_rate", RatioComparison.Compare(variants[0].SkipRate, variants[i].SkipRate, perComparison)));
            comparisons.Add(new(variants[i].Variant, "reward", RatioComparison.Compare(variants[0].Reward, variants[i].Reward, perComparison)));
        }
        return new AbReport(experiment.Name, perComparison, variants, comparisons);
    }

    /// <summary>The reward of one impression with outcome <paramref name="outcome"/>: the largest reward among its kinds, 0 for none.</summary>
    public static double RewardOf(ImpressionOutcome outcome, BanditRewardOptions rewards)
    {
        ArgumentNullException.ThrowIfNull(rewards);
        if (outcome == ImpressionOutcome.None) return 0;
        var best = double.NegativeInfinity;
        if ((outcome & ImpressionOutcome.Played) != 0) best = Math.Max(best, rewards.Play);
        if ((outcome & ImpressionOutcome.Liked) != 0) best = Math.Max(best, rewards.Like);
        if ((outcome & ImpressionOutcome.Skipped) != 0) best = Math.Max(best, rewards.Skip);
        return best;
    }

    private static VariantMetrics Metrics(string variant, IReadOnlyList<OutcomeCount> counts, BanditRewardOptions rewards)
    {
        var users = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in counts) users.TryAdd(c.User, users.Count);
        var n = users.Count;
        double[] impressions = new double[n], played = new double[n], liked = new double[n], skipped = new double[n], reward = new double[n];
        foreach (var c in counts)
        {
            var u = users[c.User];
            impressions[u] += c.Impressions;
            if ((c.Outcome & ImpressionOutcome.Played) != 0) played[u] += c.Impressions;
            if ((c.Outcome & ImpressionOutcome.Liked) != 0) liked[u] += c.Impressions;
            if ((c.Outcome & ImpressionOutcome.Skipped) != 0) skipped[u] += c.Impressions;
            reward[u] += c.Impressions * RewardOf(c.Outcome, rewards);
        }
        // An impression's reward is 0 (no feedback) or one outcome's reward, so the rate lies between their extremes.
        double[] possible = [0, rewards.Play, rewards.Like, rewards.Skip];
        return new VariantMetrics(variant, n, (long)impressions.Sum(), (long)played.Sum(), (long)liked.Sum(), (long)skipped.Sum(),
            RatioComparison.EstimateProportion(played, impressions), RatioComparison.EstimateProportion(liked, impressions),
            RatioComparison.EstimateProportion(skipped, impressions),
            RatioComparison.EstimateBounded(reward, impressions, possible.Min(), possible.Max()));
    }
}
