using Encore.Evaluation.Protocols;

namespace Encore.Evaluation.Statistics;

/// <summary>
/// Compares two models on the same users from their per-user metric values (aligned arrays): paired
/// bootstrap CI of the mean difference, sign-flip permutation and Wilcoxon p-values, paired Cohen's d.
/// </summary>
public static class PairedComparison
{
    /// <summary>Compares one metric column of two evaluations that must cover the same users in the same order.</summary>
    public static PairedComparisonResult Compare(MetricTable a, MetricTable b, string metric, ulong seed = 42, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!a.Users.AsSpan().SequenceEqual(b.Users))
            throw new ArgumentException("The two metric tables cover different users; a paired comparison needs the same users in the same order.");
        if (!a.Metrics.Contains(metric) || !b.Metrics.Contains(metric))
            throw new ArgumentException($"Metric '{metric}' is missing from one of the tables.", nameof(metric));
        return Compare(a[metric], b[metric], seed, alpha);
    }

    public static PairedComparisonResult Compare(double[] a, double[] b, ulong seed = 42, double alpha = 0.05,
        int resamples = 2000, int flips = 10_000, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length != b.Length)
            throw new ArgumentException($"Paired comparison needs the same users for both models: {a.Length} vs {b.Length} values.");
        var differences = new double[a.Length];
        double sumA = 0, sumB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            differences[i] = b[i] - a[i];
            sumA += a[i];
            sumB += b[i];
        }
        var n = Math.Max(1, a.Length);
        // Resampling users and taking their difference keeps the pairing: bootstrap of the differences.
        var (mean, low, high) = BootstrapInterval.OfMean(differences, resamples, confidence, seed);
        return new PairedComparisonResult(a.Length, sumA / n, sumB / n, mean, low, high, confidence,
            SignFlipTest.PValue(differences, flips, seed),
            WilcoxonSignedRank.Test(differences).PValue,
            EffectSize.PairedCohensD(differences), alpha);
    }
}
