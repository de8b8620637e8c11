using Encore.Evaluation.Metrics;
using Encore.Models.Content.Affinity;

namespace Encore.Evaluation.Content;

/// <summary>
/// Held-out quality of a binary classifier with 95% intervals: accuracy at 0.5 with the Wilson score
/// interval, and ROC AUC (Mann-Whitney, <see cref="ClassificationMetrics.RocAuc"/>) with the Hanley-McNeil
/// (1982) standard error: SE² = [A(1-A) + (P-1)(Q1-A²) + (N-1)(Q2-A²)] / (P N), Q1 = A/(2-A), Q2 = 2A²/(1+A).
/// </summary>
public sealed record ClassifierReport(int Rows, int Positives, int Negatives, double Accuracy, double AccuracyLow, double AccuracyHigh,
    double RocAuc, double RocAucLow, double RocAucHigh)
{
    private const double Z = 1.959964;

    public static ClassifierReport From(AffinityValidation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        return From([.. validation.Probabilities.Select(p => (double)p)], validation.Labels);
    }

    /// <summary>Report over <paramref name="probabilities"/> (P(label = 1)) and true <paramref name="labels"/>.</summary>
    public static ClassifierReport From(double[] probabilities, bool[] labels)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        var n = labels.Length;
        var positives = labels.Count(l => l);
        var negatives = n - positives;
        var accuracy = ClassificationMetrics.AccuracyAt(probabilities, labels);
        var (low, high) = Statistics.WilsonInterval.Of(accuracy, n);
        var auc = ClassificationMetrics.RocAuc(probabilities, labels);
        var (aucLow, aucHigh) = HanleyMcNeil(auc, positives, negatives);
        return new ClassifierReport(n, positives, negatives, accuracy, low, high, auc, aucLow, aucHigh);
    }

    internal static (double Low, double High) HanleyMcNeil(double auc, int positives, int negatives)
    {
        if (double.IsNaN(auc) || positives == 0 || negatives == 0) return (double.NaN, double.NaN);
        var q1 = auc / (2 - auc);
        var q2 = 2 * auc * auc / (1 + auc);
        var variance = (auc * (1 - auc) + (positives - 1) * (q1 - auc * auc) + (negatives - 1) * (q2 - auc * auc)) / ((double)positives * negatives);
        var se = Math.Sqrt(Math.Max(0, variance));
        return (Math.Max(0, auc - Z * se), Math.Min(1, auc + Z * se));
    }
}
