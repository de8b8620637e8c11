namespace Encore.Data.Statistics;

/// <summary>
/// Summary of a sample: count, min, quartiles, p95, max and mean. Quantiles interpolate linearly between the
/// two nearest order statistics (numpy's default "linear" method). An empty sample has Count 0 and NaN elsewhere.
/// </summary>
public sealed record Distribution(long Count, double Min, double P25, double Median, double P75, double P95, double Max, double Mean)
{
    public static Distribution Empty { get; } = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>Summarises <paramref name="values"/>; sorts the array in place.</summary>
    public static Distribution Of(double[] values)
    {
        if (values.Length == 0) return Empty;
        Array.Sort(values);
        var sum = 0.0;
        foreach (var v in values) sum += v;
        return new Distribution(values.Length, values[0], Quantile(values, 0.25), Quantile(values, 0.5),
            Quantile(values, 0.75), Quantile(values, 0.95), values[^1], sum / values.Length);
    }

    /// <summary>Quantile <paramref name="q"/> of sorted values: position q*(n-1), linear between neighbours.</summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }
}
