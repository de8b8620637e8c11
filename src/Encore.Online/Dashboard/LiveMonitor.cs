namespace Encore.Online.Dashboard;

/// <summary>
/// Per-second counters of finished API requests (with a latency histogram) and ingested events over the
/// last <see cref="Seconds"/> seconds, for the dashboard's live charts. Ingested events are read from a
/// running total (the feedback service's accepted count) each time a request finishes or a snapshot is
/// taken, so the ingestion path needs no hook of its own.
/// </summary>
public sealed class LiveMonitor
{
    /// <summary>How much history is kept (ten minutes).</summary>
    public const int Seconds = 600;

    private readonly TimeProvider _time;
    private readonly Func<long> _ingestedTotal;
    private readonly Lock _lock = new();
    private readonly SecondBucket[] _ring = new SecondBucket[Seconds];
    private long _requests;

    // The running total before any kept bucket: at start-up, later the newest total of an overwritten bucket.
    private long _baseline;

    public LiveMonitor(Func<long> ingestedTotal, TimeProvider? time = null)
    {
        _ingestedTotal = ingestedTotal ?? throw new ArgumentNullException(nameof(ingestedTotal));
        _time = time ?? TimeProvider.System;
        for (var i = 0; i < _ring.Length; i++) _ring[i] = new SecondBucket();
        _baseline = _ingestedTotal();
    }

    /// <summary>Counts one finished request that took <paramref name="elapsedMs"/> milliseconds.</summary>
    public void RecordRequest(double elapsedMs)
    {
        var second = NowSecond();
        var total = _ingestedTotal();
        var bin = LatencyBins.Of(elapsedMs);
        lock (_lock)
        {
            var bucket = BucketFor(second);
            bucket.Requests++;
            bucket.Bins[bin]++;
            bucket.IngestedTotal = Math.Max(bucket.IngestedTotal, total);
            _requests++;
        }
    }

    /// <summary>The last <paramref name="windowSeconds"/> seconds in steps of <paramref name="stepSeconds"/>.</summary>
    public LiveSnapshot Snapshot(int windowSeconds = 300, int stepSeconds = 5)
    {
        windowSeconds = Math.Clamp(windowSeconds, 1, Seconds - 1);
        stepSeconds = Math.Clamp(stepSeconds, 1, windowSeconds);
        var now = NowSecond();
        var total = _ingestedTotal();
        var steps = (windowSeconds + stepSeconds - 1) / stepSeconds;
        // Align steps to multiples of the step so a point does not change meaning between polls.
        var end = now - (now % stepSeconds) + stepSeconds;
        var start = end - (steps * stepSeconds);
        var points = new List<LivePoint>(steps);
        var bins = new long[LatencyBins.Count];
        lock (_lock)
        {
            BucketFor(now).IngestedTotal = Math.Max(BucketFor(now).IngestedTotal, total);
            var previousTotal = TotalBefore(start);
            for (var s = start; s < end; s += stepSeconds)
            {
                Array.Clear(bins);
                long requests = 0, stepTotal = previousTotal;
                for (var sec = s; sec < s + stepSeconds; sec++)
                {
                    if (Existing(sec) is not { } b) continue;
                    requests += b.Requests;
                    for (var i = 0; i < bins.Length; i++) bins[i] += b.Bins[i];
                    stepTotal = Math.Max(stepTotal, b.IngestedTotal);
                }
                points.Add(new LivePoint(s * 1000, stepTotal - previousTotal, requests,
                    LatencyBins.Percentile(bins, requests, 0.50), LatencyBins.Percentile(bins, requests, 0.95), LatencyBins.Percentile(bins, requests, 0.99)));
                previousTotal = stepTotal;
            }
            return new LiveSnapshot(_time.GetUtcNow().ToUnixTimeMilliseconds(), stepSeconds, total, _requests, points);
        }
    }

    private long NowSecond() => _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000;

    // The running total as last seen before second `start` (the newest kept bucket older than it).
    private long TotalBefore(long start)
    {
        long best = -1, value = 0;
        foreach (var b in _ring)
        {
            if (b.Second < start && b.Second > best && b.Second > start - Seconds)
            {
                best = b.Second;
                value = b.IngestedTotal;
            }
        }
        return best < 0 ? _baseline : value;
    }

    private SecondBucket? Existing(long second)
    {
        var b = _ring[(int)(second % Seconds)];
        return b.Second == second ? b : null;
    }

    private SecondBucket BucketFor(long second)
    {
        var b = _ring[(int)(second % Seconds)];
        if (b.Second != second)
        {
            _baseline = Math.Max(_baseline, b.IngestedTotal);
            b.Second = second;
            b.Requests = 0;
            b.IngestedTotal = 0;
            Array.Clear(b.Bins);
        }
        return b;
    }

    private sealed class SecondBucket
    {
        public long Second = -1;
        public long Requests;
        public long IngestedTotal;
        public readonly long[] Bins = new long[LatencyBins.Count];
    }
}
