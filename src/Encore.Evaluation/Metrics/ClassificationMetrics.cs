using Encore.Evaluation.Statistics;

namespace Encore.Evaluation.Metrics;

/// <summary>
/// Metrics for scored binary predictions (S2 logistic regression, S4 classifiers); formulas and edge
/// cases in docs/metrics.md. Scores and labels are aligned arrays; a label is true for the positive class.
/// </summary>
public static class ClassificationMetrics
{
    /// <summary>Probabilities are clipped to [eps, 1 - eps] before the logarithm so one confident miss stays finite.</summary>
    public const double LogLossEpsilon = 1e-15;

    /// <summary>
    /// ROC AUC as the Mann-Whitney statistic with average ranks: the chance that a random positive scores
    /// above a random negative, ties counting one half. NaN when either class is absent (undefined, not an error).
    /// </summary>
    public static double RocAuc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        CheckAligned(scores.Length, labels.Length);
        for (var i = 0; i < scores.Length; i++)
            if (double.IsNaN(scores[i])) throw new ArgumentException($"Score {i} is NaN; AUC needs orderable scores.", nameof(scores));
        var ranks = new double[scores.Length];
        AverageRanks.Compute(scores, ranks);
        double positives = 0, rankSum = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (!labels[i]) continue;
            positives++;
            rankSum += ranks[i];
        }
        var negatives = labels.Length - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    /// <summary>Share of examples where (score &gt;= threshold) equals the label; 0 for no examples.</summary>
    public static double AccuracyAt(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, double threshold = 0.5)
    {
        CheckAligned(scores.Length, labels.Length);
        if (scores.IsEmpty) return 0;
        var correct = 0;
        for (var i = 0; i < scores.Length; i++)
            if (scores[i] >= threshold == labels[i]) correct++;
        return (double)correct / scores.Length;
    }

    /// <summary>Mean binary cross-entropy -[y ln p + (1 - y) ln(1 - p)] in nats, p clipped by <see cref="LogLossEpsilon"/>; 0 for no examples.</summary>
    public static double LogLoss(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> labels)
    {
        CheckAligned(probabilities.Length, labels.Length);
        if (probabilities.IsEmpty) return 0;
        double sum = 0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            var p = Math.Clamp(probabilities[i], LogLossEpsilon, 1 - LogLossEpsilon);
            sum -= labels[i] ? Math.Log(p) : Math.Log(1 - p);
        }
        return sum / probabilities.Length;
    }

    internal static void CheckAligned(int scores, int labels)
    {
        if (scores != labels)
            throw new ArgumentException($"Scores ({scores}) and labels ({labels}) must have the same length.");
    }
}
