using Encore.Core.Ids;
using Encore.Core.Interactions;
using Encore.Data.Aggregation;
using Encore.Data.Model;
using Encore.Data.Ratings;
using Encore.Online.Feedback;

namespace Encore.Online.Retraining;

/// <summary>
/// The training matrix of a retrain: the base dataset's events (when configured, at its item level: tracks, or the
/// artists of HetRec, whose ids the served model and the event API then use) followed by the stored events, read as
/// <c>encore train</c> reads a data set. The signal is chosen by <see cref="RetrainOptions.Ratings"/> with train's rules
/// (<see cref="RatingEvents"/>, docs/ratings.md): with events as the signal they are aggregated per (user, track) with the
/// configured kind weights (times the events' values, play counts, when they carry any: <see cref="EventValues.Carried"/>,
/// as train's --values auto); with ratings as the signal the base's ratings and the posted rating events (read on the
/// base's scale, <see cref="OnlineRatingScale"/>) are the values, the last rating of a pair winning, and positive / signed
/// apply the threshold (<see cref="RatingTraining"/>, <see cref="RatingThresholdRule"/>). Then the configured confidence
/// transform, resolved as <c>encore train</c> resolves it: <c>auto</c> (the default) chooses none or log1p from the
/// aggregated values by <see cref="ConfidenceChoice.Choose"/>, any other name is used as given.
/// Users and items keep the base dataset's dense order; new ids are appended in arrival order.
/// </summary>
public static class TrainingSetBuilder
{
    /// <summary>The training matrix, the confidence transform applied to it and how ratings were read.</summary>
    /// <exception cref="ArgumentException">
    /// <see cref="RetrainOptions.Confidence"/> names no transform, <see cref="RetrainOptions.Ratings"/> no signal, or
    /// <see cref="RetrainOptions.Threshold"/> is not a finite number above 0.
    /// </exception>
    public static TrainingSet Build(IReadOnlyList<StoredEvent> stored, MusicDataset? baseDataset, RetrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(options);
        var requested = Confidence(options.Confidence);
        var requestedSignal = RatingSignalNames.Parse(options.Ratings, "retrain.ratings");
        if (options.Threshold is { } given && !(given > 0 && float.IsFinite(given)))
            throw new ArgumentException($"retrain.threshold expects a rating above 0 on the base's scale (Yahoo R3 1..5, KDD Cup 0..100; posted ratings 0..100 without base ratings), got {given}.", nameof(options));
        var weights = options.Weights.ToKindWeights();
        // auto follows the base dataset when there is one: a few posted plays must not turn a Yahoo service into one
        // trained on those plays alone. With no base, the stored events decide (resolved below, once they are a table).
        var signal = baseDataset is null ? requestedSignal : RatingEvents.Resolve(baseDataset, requestedSignal, weights);
        var scale = OnlineRatingScale.For(baseDataset);
        var mapRatings = signal != RatingSignal.Ignore && signal != RatingSignal.Auto && !scale.IsIdentity;

        // The base events index the dataset's item-level map (Items): a track-only test here once dropped HetRec's
        // artist-level events, so a retrain served with --dataset trained on the stored events alone (s16-user).
        var users = baseDataset is null ? new IdMap() : IdMap.FromIds(baseDataset.Users.Ids);
        var items = baseDataset is null ? new IdMap() : IdMap.FromIds(baseDataset.Items.Ids);
        var builder = new EventTableBuilder();
        if (baseDataset is not null)
        {
            var e = baseDataset.Events;
            for (var i = 0; i < e.Count; i++) builder.Add(e.Users[i], e.Items[i], e.Kinds[i], e.Timestamps[i], e.Sessions[i], e.Values[i]);
        }
        var postedRatings = 0;
        foreach (var e in stored)
        {
            var value = e.Value is { } v ? (float)v : Missing.Value;
            if (e.Kind == EventKind.Rating && !float.IsNaN(value))
            {
                postedRatings++;
                if (mapRatings) value = scale.Map(value);
            }
            builder.Add(users.GetOrAdd(e.User), items.GetOrAdd(e.Track), e.Kind, e.TimestampMs, Missing.Session, value);
        }
        var events = builder.Build();
        var merged = (baseDataset ?? NoBase) with { Events = events };
        if (signal == RatingSignal.Auto) signal = RatingEvents.Resolve(merged, requestedSignal, weights);
        var automatic = requestedSignal == RatingSignal.Auto;

        if (signal == RatingSignal.Ignore)
        {
            // Play counts multiply the weights when the events carry them, as train's --values auto does.
            var aggregation = new AggregationOptions { Weights = weights, UseEventValue = EventValues.Carried(events, weights), Confidence = ConfidenceTransform.None };
            var raw = InteractionAggregator.Aggregate(events, users, items, aggregation);
            var choice = ConfidenceChoice.Resolve(requested, raw.Matrix);
            return new(new InteractionMatrix(choice.Apply(raw.Matrix), raw.Users, raw.Items), choice, new RetrainRatings(signal, automatic, null, null, null));
        }

        // Ratings as the signal, as train reads them: one rating event per pair (the last wins), valued by the rating.
        var baseRatings = baseDataset is not null && RatingEvents.Count(baseDataset) > 0;
        var threshold = Threshold(options.Threshold, merged, signal, baseRatings);
        var ratings = InteractionAggregator.Aggregate(RatingEvents.AsEvents(merged).Events, users, items, RatingEvents.Aggregation(ConfidenceTransform.None));
        var chosen = ConfidenceChoice.Resolve(requested, ratings.Matrix);
        var values = RatingTraining.Apply(chosen.Apply(ratings.Matrix), ratings.Matrix, signal, threshold?.Value ?? 1f);
        var used = new RetrainRatings(signal, automatic, threshold?.Value, threshold?.Origin, postedRatings > 0 && !scale.IsIdentity ? scale : null);
        return new(new InteractionMatrix(values, ratings.Users, ratings.Items), chosen, used);
    }

    /// <summary>The transform named <paramref name="name"/> (the grammar of <see cref="ConfidenceTransformNames"/>, as train's --confidence).</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> names no transform.</exception>
    public static ConfidenceTransform Confidence(string name)
    {
        try
        {
            return ConfidenceTransformNames.Parse(name);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"retrain.confidence {ex.Message}", nameof(name), ex);
        }
    }

    // The data set a retrain without --dataset reads: the stored events alone (no source, so no documented scale).
    private static readonly MusicDataset NoBase = new MusicDatasetBuilder("online events").Build();

    // positive / signed: the given threshold, else train's rule on the merged data (the source's documented one, else
    // 4/5 of the highest rating); with only posted ratings the scale is the API's documented 0..100, whose top is known,
    // so the rule is applied to it (80) rather than to the highest rating posted so far.
    private static (float Value, string Origin)? Threshold(float? given, MusicDataset merged, RatingSignal signal, bool baseRatings)
    {
        if (signal is not (RatingSignal.Positive or RatingSignal.Signed)) return null;
        if (given is { } t) return (t, "given");
        if (!baseRatings && RatingScale.ForSource(merged.Source) is null)
            return (RatingThresholdRule.Of(OnlineRatingScale.ApiTop), $"auto: 4/5 of the event API's top rating {OnlineRatingScale.ApiTop}");
        return RatingThresholdRule.Default(merged) is { } rule ? (rule.Threshold, rule.Origin) : null;
    }
}
