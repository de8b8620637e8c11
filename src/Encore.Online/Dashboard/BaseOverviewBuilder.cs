using Encore.Data.Model;
using Encore.Online.Feedback;

namespace Encore.Online.Dashboard;

/// <summary>The overview of the base dataset (the snapshot the service was started with), one pass over its event columns.</summary>
internal static class BaseOverviewBuilder
{
    public static DatasetOverview Build(MusicDataset dataset, int topTracks, int maxDays)
    {
        var events = dataset.Events;
        var items = dataset.Items;
        var perItem = new long[items.Count];
        var perKind = new long[256];
        var perUser = new bool[dataset.Users.Count];
        var days = new Dictionary<long, long>();
        long? first = null, last = null;
        for (var i = 0; i < events.Count; i++)
        {
            perItem[events.Items[i]]++;
            perKind[(byte)events.Kinds[i]]++;
            perUser[events.Users[i]] = true;
            var ts = events.Timestamps[i];
            if (ts == Missing.Time) continue;
            var day = DayBins.DayOf(ts);
            days[day] = days.GetValueOrDefault(day) + 1;
            if (first is null || ts < first) first = ts;
            if (last is null || ts > last) last = ts;
        }

        var kinds = new List<KindCount>();
        for (var k = 0; k < perKind.Length; k++)
            if (perKind[k] > 0) kinds.Add(new KindCount(FeedbackKinds.NameOf((EventKind)k), perKind[k]));

        var histogram = new PopularityHistogram();
        var top = new TopCounts(topTracks);
        var activeItems = 0L;
        var titles = dataset.ItemLevel == EntityLevel.Track ? dataset.TrackInfo.Titles : null;
        for (var t = 0; t < perItem.Length; t++)
        {
            if (perItem[t] == 0) continue;
            activeItems++;
            histogram.Add(perItem[t]);
            top.Offer(items[t], titles is not null && t < titles.Length ? titles[t] : null, perItem[t]);
        }

        var counts = new OverviewCounts(events.Count, perUser.Count(x => x), activeItems, dataset.Users.Count, items.Count,
            dataset.PlaylistInfo.Count, first, last);
        return new DatasetOverview("base", dataset.Source, counts, kinds, DayBins.Series(days, maxDays), top.ToList(), histogram.ToBuckets());
    }
}
