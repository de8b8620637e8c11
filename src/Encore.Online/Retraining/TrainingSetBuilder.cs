using Encore.Core.Ids;
using Encore.Core.Interactions;
using Encore.Data.Aggregation;
using Encore.Data.Model;
using Encore.Online.Feedback;

namespace Encore.Online.Retraining;

/// <summary>
/// The training matrix of a retrain: the base dataset's events (when configured, at its item level: tracks, or the
/// artists of HetRec, whose ids the served model and the event API then use) followed by the stored events, aggregated per (user, track) with the configured kind weights (times the events' values, play
/// counts, when they carry any: <see cref="EventValues.Carried"/>, as train's --values auto), then the configured confidence
/// transform, resolved as <c>encore train</c> resolves it: <c>auto</c> (the default) chooses none or log1p from the
/// aggregated values by <see cref="ConfidenceChoice.Choose"/>, any other name is used as given.
/// Users and items keep the base dataset's dense order; new ids are appended in arrival order.
/// </summary>
public static class TrainingSetBuilder
{
    /// <summary>The training matrix and the confidence transform applied to it (with the reason when chosen from the values).</summary>
    /// <exception cref="ArgumentException"><see cref="RetrainOptions.Confidence"/> names no transform.</exception>
    public static (InteractionMatrix Matrix, ConfidenceChoice Confidence) Build(IReadOnlyList<StoredEvent> stored, MusicDataset? baseDataset, RetrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(options);
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
        foreach (var e in stored)
            builder.Add(users.GetOrAdd(e.User), items.GetOrAdd(e.Track), e.Kind, e.TimestampMs, Missing.Session, e.Value is { } v ? (float)v : Missing.Value);
        var requested = Confidence(options.Confidence);
        var weights = options.Weights.ToKindWeights();
        var events = builder.Build();
        // Play counts multiply the weights when the events carry them, as train's --values auto does.
        var aggregation = new AggregationOptions { Weights = weights, UseEventValue = EventValues.Carried(events, weights), Confidence = ConfidenceTransform.None };
        var raw = InteractionAggregator.Aggregate(events, users, items, aggregation);
        var choice = ConfidenceChoice.Resolve(requested, raw.Matrix);
        return (new InteractionMatrix(choice.Apply(raw.Matrix), raw.Users, raw.Items), choice);
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
}
