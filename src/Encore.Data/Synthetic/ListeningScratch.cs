namespace Encore.Data.Synthetic;

/// <summary>Per-worker buffers for <see cref="ListeningSimulator"/>: reused across users, never per event.</summary>
internal sealed class ListeningScratch
{
    /// <summary>Tracks the current user played and did not skip (repeats draw from it, so favourites snowball).</summary>
    public int[] History = new int[256];
    public int HistoryCount;
    public long[] SessionStarts = new long[64];

    public void AddHistory(int track)
    {
        if (HistoryCount == History.Length) Array.Resize(ref History, History.Length * 2);
        History[HistoryCount++] = track;
    }

    public Span<long> Starts(int count)
    {
        if (SessionStarts.Length < count) SessionStarts = new long[Math.Max(count, SessionStarts.Length * 2)];
        return SessionStarts.AsSpan(0, count);
    }
}
