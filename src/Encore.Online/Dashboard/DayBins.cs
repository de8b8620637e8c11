using System.Globalization;

namespace Encore.Online.Dashboard;

/// <summary>Helpers for the "events per day" series: UTC day numbers and their ISO names.</summary>
internal static class DayBins
{
    public const long MsPerDay = 86_400_000;

    public static long DayOf(long unixMs) => Math.DivRem(unixMs, MsPerDay) is var (q, r) && r < 0 ? q - 1 : q;

    public static string Name(long day) =>
        DateTimeOffset.FromUnixTimeMilliseconds(day * MsPerDay).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Days in order with zero-count days filled in, so a line chart shows the gaps; at most <paramref name="maxDays"/> (the newest).</summary>
    public static IReadOnlyList<DayCount> Series(IReadOnlyDictionary<long, long> counts, int maxDays)
    {
        if (counts.Count == 0) return [];
        var first = counts.Keys.Min();
        var last = counts.Keys.Max();
        first = Math.Max(first, last - maxDays + 1);
        var list = new List<DayCount>((int)(last - first + 1));
        for (var d = first; d <= last; d++) list.Add(new DayCount(Name(d), counts.GetValueOrDefault(d)));
        return list;
    }
}
