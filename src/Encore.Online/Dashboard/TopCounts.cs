namespace Encore.Online.Dashboard;

/// <summary>Keeps the <c>n</c> most frequent tracks seen so far (ties: smaller id first, so the list is stable).</summary>
internal sealed class TopCounts(int n)
{
    private readonly PriorityQueue<TrackCount, TrackCount> _heap = new(Comparer<TrackCount>.Create(Compare));

    public void Offer(string track, string? title, long events)
    {
        if (n <= 0) return;
        var item = new TrackCount(track, title, events);
        if (_heap.Count < n) _heap.Enqueue(item, item);
        else if (Compare(item, _heap.Peek()) > 0) _heap.EnqueueDequeue(item, item);
    }

    /// <summary>Most frequent first.</summary>
    public IReadOnlyList<TrackCount> ToList()
    {
        var list = _heap.UnorderedItems.Select(x => x.Element).ToList();
        list.Sort((a, b) => Compare(b, a));
        return list;
    }

    // Ascending "goodness": fewer events is worse; on ties the larger id is worse.
    private static int Compare(TrackCount a, TrackCount b)
    {
        var c = a.Events.CompareTo(b.Events);
        return c != 0 ? c : string.CompareOrdinal(b.Track, a.Track);
    }
}
