namespace Encore.Online.Dashboard;

/// <summary>
/// Tracks grouped by event count in powers of two (1, 2-3, 4-7, ...): play counts are heavy-tailed, so
/// equal-width bins would put almost every track in the first one.
/// </summary>
internal sealed class PopularityHistogram
{
    private readonly long[] _buckets = new long[64];

    public void Add(long events)
    {
        if (events <= 0) return;
        _buckets[63 - long.LeadingZeroCount(events)]++;
    }

    public IReadOnlyList<PopularityBucket> ToBuckets()
    {
        var last = Array.FindLastIndex(_buckets, b => b > 0);
        var list = new List<PopularityBucket>(last + 1);
        for (var i = 0; i <= last; i++)
        {
            var min = 1L << i;
            list.Add(new PopularityBucket(min, i == 62 ? long.MaxValue : (min << 1) - 1, _buckets[i]));
        }
        return list;
    }
}
