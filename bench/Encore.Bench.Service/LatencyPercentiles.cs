namespace Encore.Bench.Service;

/// <summary>
/// Percentiles of a closed-loop load test, raw and corrected for coordinated omission. A closed loop sends its
/// next request only when the previous one has answered, so a stall of S seconds delays every request the loop
/// would have sent meanwhile, yet is recorded once. The correction (HdrHistogram's "expected interval" method,
/// Tene): a request that took L > I, where I is the loop's expected interval between requests (here the median
/// latency of the whole run, the cadence of an unstalled loop), also records L - I, L - 2I, ... while > I: the
/// latencies the requests queued behind the stall would have seen.
/// </summary>
internal static class LatencyPercentiles
{
    /// <summary>Value at quantile <paramref name="q"/> (0..1) of sorted <paramref name="sorted"/> (nearest rank).</summary>
    public static long At(long[] sorted, double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];

    /// <summary>The latencies plus the synthetic ones of the correction, sorted ascending.</summary>
    /// <param name="latencies">Measured request latencies (any unit).</param>
    /// <param name="expectedInterval">The loop's cadence I in the same unit (> 0).</param>
    /// <param name="maxExtra">Cap on added samples (protects against a degenerate tiny interval).</param>
    public static long[] Corrected(IReadOnlyList<long> latencies, long expectedInterval, int maxExtra = 50_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expectedInterval);
        var result = new List<long>(latencies.Count);
        var extra = 0;
        foreach (var l in latencies)
        {
            result.Add(l);
            for (var missed = l - expectedInterval; missed > expectedInterval && extra < maxExtra; missed -= expectedInterval, extra++)
                result.Add(missed);
        }
        var array = result.ToArray();
        Array.Sort(array);
        return array;
    }
}
