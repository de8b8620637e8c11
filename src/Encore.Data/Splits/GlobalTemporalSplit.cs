using Encore.Data.Model;

namespace Encore.Data.Splits;

/// <summary>
/// One global cut in time (SPEC S1): train is strictly before validation, validation strictly before test,
/// so the future never predicts the past. Events without a time always stay in train. Deterministic: no seed.
/// </summary>
public sealed class GlobalTemporalSplit
{
    private readonly GlobalTemporalSplitOptions _options;

    public GlobalTemporalSplit(GlobalTemporalSplitOptions? options = null)
    {
        _options = options ?? new GlobalTemporalSplitOptions();
        _options.Validate();
    }

    public EventSplit Split(EventTable events)
    {
        var (validationFrom, testFrom) = CutTimes(events.Timestamps);
        var sides = new byte[events.Count];
        var times = events.Timestamps;
        for (var r = 0; r < sides.Length; r++)
        {
            var t = times[r];
            if (t == Missing.Time) continue;
            sides[r] = t >= testFrom ? EventSplit.TestSide : t >= validationFrom ? EventSplit.ValidationSide : EventSplit.TrainSide;
        }
        return EventSplit.FromSides(events, sides);
    }

    /// <summary>The (validation, test) cut times: events at or after each cut belong to the later part.</summary>
    public (long ValidationFromMs, long TestFromMs) CutTimes(long[] timestamps)
    {
        if (_options.TestFromMs is { } test) return (_options.ValidationFromMs ?? test, test);
        var sorted = (long[])timestamps.Clone();
        Array.Sort(sorted);
        var n = sorted.Length;
        var testCount = (int)Math.Round(n * _options.TestFraction, MidpointRounding.ToEven);
        var validationCount = (int)Math.Round(n * (_options.TestFraction + _options.ValidationFraction), MidpointRounding.ToEven);
        var testCut = At(sorted, n - testCount);
        var validationCut = Math.Min(At(sorted, n - validationCount), testCut);
        return (validationCut, testCut);
    }

    // A cut past the end sends nothing to the later part; a cut never equals Missing.Time, so unknown times stay in train.
    private static long At(long[] sorted, int index) =>
        index >= sorted.Length ? long.MaxValue : Math.Max(sorted[Math.Max(index, 0)], Missing.Time + 1);
}
