using Encore.Core.Randomness;

namespace Encore.Evaluation.Statistics;

/// <summary>Percentile bootstrap confidence interval of a mean over per-user values (seeded).</summary>
public static class BootstrapInterval
{
    public static (double Mean, double Low, double High) OfMean(ReadOnlySpan<double> values, int resamples = 1000,
        double confidence = 0.95, ulong seed = 42)
    {
        if (values.IsEmpty) return (0, 0, 0);
        double total = 0;
        foreach (var v in values) total += v;
        var mean = total / values.Length;
        var means = new double[resamples];
        var rng = new Rng(seed);
        for (var b = 0; b < resamples; b++)
        {
            double sum = 0;
            for (var i = 0; i < values.Length; i++) sum += values[rng.NextInt(values.Length)];
            means[b] = sum / values.Length;
        }
        Array.Sort(means);
        var alpha = (1 - confidence) / 2;
        return (mean, Quantile(means, alpha), Quantile(means, 1 - alpha));
    }

    /// <summary>The q-quantile (0..1) of an ascending array, linear between neighbouring order statistics.</summary>
    internal static double Quantile(double[] sorted, double q)
    {
        var pos = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
