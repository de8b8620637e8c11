using Encore.Core.Ids;
using Encore.Core.Interactions;
using Encore.Data.Aggregation;
using Encore.Data.Model;
using Encore.Online.Feedback;

namespace Encore.Online.Retraining;

/// <summary>
/// The training matrix of a retrain: the base dataset's events (when configured and track-level) followed by
/// the stored events, aggregated per (user, track) with the configured kind weights and confidence transform.
/// Users and tracks keep the base dataset's dense order; new ids are appended in arrival order.
/// </summary>
public static class TrainingSetBuilder
{
    public static InteractionMatrix Build(IReadOnlyList<StoredEvent> stored, MusicDataset? baseDataset, RetrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(options);
        var useBase = baseDataset is { ItemLevel: EntityLevel.Track };
        var users = useBase ? IdMap.FromIds(baseDataset!.Users.Ids) : new IdMap();
        var items = useBase ? IdMap.FromIds(baseDataset!.Tracks.Ids) : new IdMap();
        var builder = new EventTableBuilder();
        if (useBase)
        {
            var e = baseDataset!.Events;
            for (var i = 0; i < e.Count; i++) builder.Add(e.Users[i], e.Items[i], e.Kinds[i], e.Timestamps[i], e.Sessions[i], e.Values[i]);
        }
        foreach (var e in stored)
            builder.Add(users.GetOrAdd(e.User), items.GetOrAdd(e.Track), e.Kind, e.TimestampMs, Missing.Session, e.Value is { } v ? (float)v : Missing.Value);
        var aggregation = new AggregationOptions { Weights = options.Weights.ToKindWeights(), Confidence = Confidence(options.Confidence) };
        return InteractionAggregator.Aggregate(builder.Build(), users, items, aggregation);
    }

    public static ConfidenceTransform Confidence(string name) => name switch
    {
        "none" => ConfidenceTransform.None,
        "log1p" => ConfidenceTransform.LogPlusOne,
        "log" => ConfidenceTransform.Log(),
        _ => throw new ArgumentException($"Unknown confidence transform '{name}'; expected none, log1p or log.", nameof(name)),
    };
}
