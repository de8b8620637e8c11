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
        // With a base the signal is known before the stored events are read, so posted ratings go in on its scale;
        // without one the scale is the API's own and nothing needs mapping (TrainingRule.Resolve decides auto below).
        var early = TrainingRule.EarlySignal(baseDataset, options);
        var scale = OnlineRatingScale.For(baseDataset);
        var byRatings = early is { } s && s != RatingSignal.Ignore;

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
            if (e.Kind == EventKind.Rating && e.Value is { } v && !double.IsNaN(v)) postedRatings++;
            builder.Add(users.GetOrAdd(e.User), items.GetOrAdd(e.Track), e.Kind, e.TimestampMs, Missing.Session, TrainingRule.ValueOf(e, byRatings, scale));
        }
        var merged = (baseDataset ?? StoredOnly) with { Events = builder.Build() };
        var rule = TrainingRule.Resolve(merged, baseDataset, options);

        // Events: play counts multiply the weights when the events carry them (train's --values auto). Ratings: one
        // rating per pair (the last wins), valued by the rating, then the threshold of positive / signed.
        var raw = rule.Scores(merged, users, items);
        var choice = ConfidenceChoice.Resolve(requested, raw.Matrix);
        return new(new InteractionMatrix(rule.Values(raw.Matrix, choice.Transform), raw.Users, raw.Items), choice, rule.Describe(postedRatings > 0));
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

    /// <summary>The data set a retrain without --dataset reads (its events replaced): the stored events alone, no source, so no documented scale.</summary>
    internal static MusicDataset StoredOnly { get; } = new MusicDatasetBuilder("online events").Build();
}
