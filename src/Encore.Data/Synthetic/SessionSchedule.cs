using Encore.Core.Randomness;

namespace Encore.Data.Synthetic;

/// <summary>
/// When sessions happen and how long they are: start times uniform over the user's active window
/// (join time to the end of the span), about one per expected session; a user who needs more sessions
/// continues after the last one with exponential gaps (mean one day). Plays per session are geometric.
/// </summary>
internal static class SessionSchedule
{
    // A play brings on average about 0.3 feedback events (skip or like): used only to size the schedule.
    private const double EventsPerPlay = 1.3;
    private const double MeanGapMs = 86_400_000.0;

    public static ReadOnlySpan<long> Draw(ListeningScratch scratch, long startMs, long endMs, int events,
        double meanSessionLength, ref Rng rng)
    {
        var count = Math.Max(1, (int)Math.Round(events / (meanSessionLength * EventsPerPlay)));
        var starts = scratch.Starts(count);
        var width = Math.Max(1, endMs - startMs);
        for (var i = 0; i < starts.Length; i++) starts[i] = startMs + (long)(rng.NextDouble() * width);
        starts.Sort();
        return starts;
    }

    public static long GapAfter(ref Rng rng) => (long)(-MeanGapMs * Math.Log(1 - rng.NextDouble()));

    /// <summary>1 + Geometric: mean <paramref name="mean"/> plays.</summary>
    public static int Length(double mean, ref Rng rng)
    {
        if (mean <= 1) return 1;
        var extra = Math.Log(1 - rng.NextDouble()) / Math.Log(1 - 1 / mean);
        return 1 + (int)Math.Min(extra, 100_000);
    }
}
