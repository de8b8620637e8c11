using Encore.Core.Errors;
using Encore.Data.Model;

namespace Encore.Data.Splits;

/// <summary>
/// Per-user temporal holdout: each user's latest events go to test, the rest to train, so within every user
/// train is never later than test. Count mode: the last n events. Distinct-items mode: the longest suffix of
/// the user's timeline that holds at most n distinct items (earlier events of those items stay in train).
/// A user whose whole history would go to test stays entirely in train. Ties keep input order; deterministic.
/// </summary>
public sealed class LeaveLastNSplit
{
    public LeaveLastNSplit(int n = 1, bool distinctItems = false)
    {
        Guard.Positive(n);
        N = n;
        DistinctItems = distinctItems;
    }

    public int N { get; }

    public bool DistinctItems { get; }

    public EventSplit Split(EventTable events)
    {
        var (offsets, rows) = TimeOrder.ByUserThenTime(events.Users, events.Timestamps);
        var sides = new byte[events.Count];
        var seen = new HashSet<int>();
        for (var u = 0; u + 1 < offsets.Length; u++)
        {
            var start = offsets[u];
            var end = offsets[u + 1];
            var testStart = DistinctItems ? DistinctSuffixStart(rows, start, end, events.Items, seen) : end - N;
            if (testStart <= start) continue; // keep at least one training event
            for (var p = testStart; p < end; p++) sides[rows[p]] = EventSplit.TestSide;
        }
        return EventSplit.FromSides(events, sides);
    }

    private int DistinctSuffixStart(int[] rows, int start, int end, int[] items, HashSet<int> seen)
    {
        seen.Clear();
        var p = end;
        while (p > start)
        {
            var item = items[rows[p - 1]];
            if (!seen.Contains(item))
            {
                if (seen.Count == N) break;
                seen.Add(item);
            }
            p--;
        }
        return p;
    }
}
