using Encore.Data.Model;

namespace Encore.Data.Statistics;

/// <summary>The passes behind <see cref="DatasetStatistics.Compute"/>.</summary>
internal static class DatasetStatisticsCalculator
{
    public static DatasetStatistics Compute(MusicDataset d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var e = d.Events;
        var users = d.Users.Count;
        var items = d.Items.Count;
        var perUser = new long[users];
        var perItem = new long[items];
        var perKind = new long[256];
        long first = long.MaxValue, last = long.MinValue;
        for (var i = 0; i < e.Count; i++)
        {
            perUser[e.Users[i]]++;
            perItem[e.Items[i]]++;
            perKind[(byte)e.Kinds[i]]++;
            var t = e.Timestamps[i];
            if (t == Missing.Time) continue;
            if (t < first) first = t;
            if (t > last) last = t;
        }
        var pairs = DistinctPairs(e, items);
        var cells = (double)users * items;
        return new DatasetStatistics
        {
            Counts = new DatasetCounts(users, d.Tracks.Count, d.Artists.Count, d.Albums.Count, d.Genres.Count, d.Playlists.Count,
                e.Count, d.Ratings.Count, d.Tags.Count, d.TagAssignments.Count, d.Friendships.Count, d.Candidates.Count),
            ItemLevel = d.ItemLevel,
            DistinctPairs = pairs,
            Density = cells > 0 ? pairs / cells : 0,
            EventsPerKind = KindCounts(perKind),
            UsersWithEvents = CountNonZero(perUser),
            ItemsWithEvents = CountNonZero(perItem),
            FirstEventMs = first == long.MaxValue ? null : first,
            LastEventMs = last == long.MinValue ? null : last,
            EventsPerUser = Distribution.Of(NonZero(perUser)),
            EventsPerItem = Distribution.Of(NonZero(perItem)),
            EventValues = Distribution.Of(NotNaN(e.Values)),
            RatingValues = Distribution.Of(NotNaN(d.Ratings.Values)),
            PlaylistLengths = Distribution.Of(Lengths(d.PlaylistInfo.Tracks)),
        };
    }

    private static long DistinctPairs(EventTable e, int items)
    {
        if (e.Count == 0) return 0;
        var keys = new long[e.Count];
        for (var i = 0; i < keys.Length; i++) keys[i] = ((long)e.Users[i] * items) + e.Items[i];
        Array.Sort(keys);
        long distinct = 1;
        for (var i = 1; i < keys.Length; i++)
            if (keys[i] != keys[i - 1]) distinct++;
        return distinct;
    }

    private static Dictionary<EventKind, long> KindCounts(long[] perKind)
    {
        var result = new Dictionary<EventKind, long>();
        for (var k = 0; k < perKind.Length; k++)
            if (perKind[k] > 0) result[(EventKind)k] = perKind[k];
        return result;
    }

    private static int CountNonZero(long[] counts)
    {
        var n = 0;
        foreach (var c in counts)
            if (c > 0) n++;
        return n;
    }

    private static double[] NonZero(long[] counts)
    {
        var result = new double[CountNonZero(counts)];
        var at = 0;
        foreach (var c in counts)
            if (c > 0) result[at++] = c;
        return result;
    }

    private static double[] NotNaN(float[] values)
    {
        var result = new List<double>(values.Length);
        foreach (var v in values)
            if (!float.IsNaN(v)) result.Add(v);
        return [.. result];
    }

    private static double[] Lengths(IntLists lists)
    {
        var result = new double[lists.Count];
        for (var i = 0; i < result.Length; i++) result[i] = lists.Offsets[i + 1] - lists.Offsets[i];
        return result;
    }
}
