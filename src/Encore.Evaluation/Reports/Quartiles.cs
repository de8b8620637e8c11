using Encore.Evaluation.Statistics;

namespace Encore.Evaluation.Reports;

/// <summary>Five-number summary of finite values with Tukey whiskers (furthest values within 1.5 IQR).</summary>
internal readonly record struct Quartiles(double WhiskerLow, double Q1, double Median, double Q3, double WhiskerHigh, double Mean, int Count)
{
    public static Quartiles? Of(IReadOnlyList<double> values)
    {
        var sorted = values.Where(double.IsFinite).ToArray();
        if (sorted.Length == 0) return null;
        Array.Sort(sorted);
        var q1 = BootstrapInterval.Quantile(sorted, 0.25);
        var q3 = BootstrapInterval.Quantile(sorted, 0.75);
        var fence = 1.5 * (q3 - q1);
        var low = sorted.First(v => v >= q1 - fence);
        var high = sorted.Last(v => v <= q3 + fence);
        return new Quartiles(low, q1, BootstrapInterval.Quantile(sorted, 0.5), q3, high, sorted.Average(), sorted.Length);
    }
}
