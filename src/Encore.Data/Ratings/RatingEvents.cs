using Encore.Data.Aggregation;
using Encore.Data.Model;

namespace Encore.Data.Ratings;

/// <summary>
/// Ratings as interaction values: a copy of a data set whose event log holds one <see cref="EventKind.Rating"/> event
/// per rated (user, item) pair at the data set's item level, valued by the rating (the last rating of a pair wins, as
/// a re-rating replaces the earlier opinion), with the rating's time. Ratings come from the rating table (Yahoo! R3,
/// KDD Cup, the synthetic world) and from rating events of a table import (<c>kind-default=rating value=COLUMN</c>).
/// </summary>
public static class RatingEvents
{
    /// <summary>Aggregation that turns those events into scores: rating weight 1 times the event value, nothing else.</summary>
    public static AggregationOptions Aggregation(ConfidenceTransform confidence) => new()
    {
        Weights = EventKindWeights.None.With(EventKind.Rating, 1f),
        UseEventValue = true,
        KeepZeroScores = true, // a rating of 0 (KDD) is an opinion, not a missing pair
        Confidence = confidence,
    };

    /// <summary>Number of ratings at the data set's item level (rating table rows plus rating events with a value).</summary>
    public static int Count(MusicDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var n = 0;
        var r = dataset.Ratings;
        for (var i = 0; i < r.Count; i++)
            if (r.Levels[i] == dataset.ItemLevel && !float.IsNaN(r.Values[i])) n++;
        var e = dataset.Events;
        for (var i = 0; i < e.Count; i++)
            if (e.Kinds[i] == EventKind.Rating && !float.IsNaN(e.Values[i])) n++;
        return n;
    }

    /// <summary>True when some event has a positive weight under <paramref name="weights"/> (so the events can train a model).</summary>
    public static bool EventsCarrySignal(EventTable events, EventKindWeights weights)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(weights);
        foreach (var kind in events.Kinds)
            if (weights[kind] > 0 && kind != EventKind.Rating) return true;
        return false;
    }

    /// <summary>
    /// Resolves <see cref="RatingSignal.Auto"/>: ratings when the data set has ratings and its events carry no positive
    /// weight under <paramref name="weights"/>; events otherwise. Any other value is returned as it is.
    /// </summary>
    public static RatingSignal Resolve(MusicDataset dataset, RatingSignal signal, EventKindWeights weights)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (signal != RatingSignal.Auto) return signal;
        return Count(dataset) > 0 && !EventsCarrySignal(dataset.Events, weights) ? RatingSignal.Values : RatingSignal.Ignore;
    }

    /// <summary>The copy of <paramref name="dataset"/> whose events are its ratings (see the type's summary); other tables are shared.</summary>
    public static MusicDataset AsEvents(MusicDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var last = new Dictionary<(int User, int Item), (float Value, long Time)>();
        var r = dataset.Ratings;
        for (var i = 0; i < r.Count; i++)
            if (r.Levels[i] == dataset.ItemLevel && !float.IsNaN(r.Values[i])) last[(r.Users[i], r.Targets[i])] = (r.Values[i], r.Timestamps[i]);
        var e = dataset.Events;
        for (var i = 0; i < e.Count; i++)
            if (e.Kinds[i] == EventKind.Rating && !float.IsNaN(e.Values[i])) last[(e.Users[i], e.Items[i])] = (e.Values[i], e.Timestamps[i]);
        var events = new EventTableBuilder(last.Count);
        foreach (var ((user, item), (value, time)) in last)
            events.Add(user, item, EventKind.Rating, time, Missing.Session, value);
        return dataset with { Events = events.Build() };
    }
}
