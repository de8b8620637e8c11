using Encore.Data.Model;

namespace Encore.Data.Aggregation;

/// <summary>One weight per event: kind weight, times the event value (optional), times the time decay (optional).</summary>
internal static class EventWeigher
{
    public static float[] Weigh(EventTable events, AggregationOptions options)
    {
        var kinds = events.Kinds;
        var values = events.Values;
        var times = events.Timestamps;
        var table = options.Weights.Table;
        var useValue = options.UseEventValue;
        var decay = options.Decay;
        var weights = new float[events.Count];
        for (var i = 0; i < weights.Length; i++)
        {
            var w = table[(byte)kinds[i]];
            if (w == 0f) continue;
            if (useValue)
            {
                var v = values[i];
                if (!float.IsNaN(v)) w *= v; // a missing value counts as one event
            }
            if (decay is not null) w *= decay.Factor(times[i]);
            weights[i] = w;
        }
        return weights;
    }
}
