using Encore.Data.Model;

namespace Encore.Data.Aggregation;

/// <summary>
/// Whether event values (play counts) should multiply the kind weights (<see cref="AggregationOptions.UseEventValue"/>):
/// yes when any event of a weighted kind carries one. The rule of <c>encore train --values auto</c> and of the
/// service's retraining, so both build the same matrix from the same events.
/// </summary>
public static class EventValues
{
    /// <summary>True when an event of a kind with a nonzero weight has a value (not NaN).</summary>
    public static bool Carried(EventTable events, EventKindWeights weights)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(weights);
        for (var i = 0; i < events.Count; i++)
            if (!float.IsNaN(events.Values[i]) && weights[events.Kinds[i]] != 0) return true;
        return false;
    }
}
