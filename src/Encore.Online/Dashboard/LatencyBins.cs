namespace Encore.Online.Dashboard;

/// <summary>
/// Log-scale latency bins: four per doubling from 0.01 ms (so a percentile is known within ~19 %),
/// which keeps recording allocation-free and percentiles cheap to read.
/// </summary>
internal static class LatencyBins
{
    public const int Count = 96;
    private const double Smallest = 0.01;
    private const double PerDoubling = 4;

    public static int Of(double ms)
    {
        if (!(ms > Smallest)) return 0;
        var bin = (int)Math.Ceiling(Math.Log2(ms / Smallest) * PerDoubling);
        return Math.Min(bin, Count - 1);
    }

    /// <summary>Upper edge of bin <paramref name="bin"/> in milliseconds.</summary>
    public static double UpperMs(int bin) => Smallest * Math.Pow(2, bin / PerDoubling);

    /// <summary>The <paramref name="quantile"/> (0..1) of the latencies counted in <paramref name="bins"/>, or null when empty.</summary>
    public static double? Percentile(ReadOnlySpan<long> bins, long total, double quantile)
    {
        if (total <= 0) return null;
        var rank = (long)Math.Ceiling(quantile * total);
        if (rank < 1) rank = 1;
        long seen = 0;
        for (var i = 0; i < bins.Length; i++)
        {
            seen += bins[i];
            if (seen >= rank) return UpperMs(i);
        }
        return UpperMs(bins.Length - 1);
    }
}
