using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Encore.Core.Ids;
using Encore.Data.Aggregation;
using Encore.Data.Model;
using Encore.Online.Feedback;
using Encore.Online.Registry;
using Encore.Online.Retraining;

namespace Encore.Online.Serving;

/// <summary>
/// The fold-in row of a user the served model does not know, from their stored events, computed by the rule the
/// retrain's training matrix uses (<see cref="TrainingRule"/>, docs/service.md "Fold-in"): the same signal (events or
/// ratings, resolved with the base dataset of <c>serve --dataset</c> when there is one), posted ratings on the base's
/// scale, the threshold of positive / signed, kind weights times play counts, and the confidence transform the served
/// model was trained with. What the served version recorded wins (<see cref="ServedTraining"/>: a retrain's note); what
/// it did not record (a model file from <c>encore train</c>) is resolved as a retrain would resolve it now, and an
/// automatic confidence is chosen on the base dataset's matrix (none without a base: one user's row is no sample to
/// choose from). Transforms that need the whole matrix (bm25, tfidf) are not applied to a single row.
/// Resolving reads the base dataset and, for an automatic confidence, aggregates its whole matrix (3.5 s on a 17.5M-event
/// base): <see cref="Prepare"/> does it when a version is activated, off the request path, and the automatic choice is
/// made once per process for each recorded ratings reading, not once per version.
/// </summary>
internal sealed class FoldInHistory(ModelRegistry registry, BaseDatasetSource baseDataset, OnlineOptions options)
{
    // Per served version: what it recorded, the rule on the base dataset (null: no base) and the confidence transform.
    private sealed record Served(ServedTraining Recorded, RetrainOptions Options, TrainingRule? BaseRule, ConfidenceTransform Confidence);

    // What resolving the base gives for one ratings reading (signal and threshold): the same for every version that recorded it.
    // The configured confidence is chosen only when a version did not record its own (a retrain records it).
    private sealed record OnBase(TrainingRule? Rule, Lazy<ConfidenceTransform> Configured);

    private readonly ConditionalWeakTable<ServingModel, Lazy<Served>> _served = new();
    private readonly ConcurrentDictionary<(string Ratings, float? Threshold), Lazy<OnBase>> _onBase = new();

    /// <summary>
    /// Resolves what <paramref name="serving"/> folds in with (the service calls it off the request path when a version
    /// is activated), so the first fold-in request does not pay for reading and aggregating the base dataset. A failure
    /// is thrown and not kept: the request that needs the resolution tries again and reports it.
    /// </summary>
    public void Prepare(ServingModel serving)
    {
        ArgumentNullException.ThrowIfNull(serving);
        _ = ServedFor(serving);
    }

    /// <summary>
    /// The user's fold-in history: external track ids (first-event order) with their training values. Positive values
    /// are the evidence folded in; negative ones (signed ratings below the threshold, tracks whose weights sum below 0)
    /// are rejections the cold-start chain masks but never folds in; zero-valued pairs are left out.
    /// </summary>
    /// <param name="serving">The served model version.</param>
    /// <param name="events">The user's stored events, oldest first.</param>
    public (string[] Tracks, float[] Values) Of(ServingModel serving, IReadOnlyList<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(serving);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) return ([], []);
        var served = ServedFor(serving);
        var users = new IdMap();
        users.GetOrAdd("fold-in user");
        var items = new IdMap();
        var builder = new EventTableBuilder();
        // Posted ratings go in on the base's scale (the base rule knows it); without a base the scale is the API's own.
        foreach (var e in events)
            builder.Add(0, items.GetOrAdd(e.Track), e.Kind, e.TimestampMs, Missing.Session, served.BaseRule?.ValueOf(e) ?? Raw(e));
        var table = builder.Build();
        var own = TrainingSetBuilder.StoredOnly with { Events = table };
        var rule = served.BaseRule ?? TrainingRule.Resolve(own, null, served.Options);
        // A missing value counts as one event, so the retrain's "values carried" (over all events) and this user's
        // own carried values give the same row: either way a value multiplies and a missing one counts once.
        var raw = rule.Scores(own, users, items, rule.UseEventValues || EventValues.Carried(table, rule.Weights));
        var values = rule.Values(raw.Matrix, served.Confidence);
        var columns = values.RowIndices(0);
        var scores = values.RowValues(0);
        var tracks = new List<string>(columns.Length);
        var kept = new List<float>(columns.Length);
        for (var p = 0; p < columns.Length; p++)
        {
            if (scores[p] == 0 || !float.IsFinite(scores[p])) continue;
            tracks.Add(raw.Items[columns[p]]);
            kept.Add(scores[p]);
        }
        return ([.. tracks], [.. kept]);
    }

    private static float Raw(StoredEvent e) => e.Value is { } v ? (float)v : Missing.Value;

    private Served ServedFor(ServingModel serving)
    {
        var resolution = _served.GetValue(serving, s => new Lazy<Served>(() => Resolve(s), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return resolution.Value;
        }
        catch
        {
            // Not kept (the store may be unreachable just now): the next request resolves again.
            _served.Remove(serving);
            throw;
        }
    }

    private Served Resolve(ServingModel serving)
    {
        var recorded = ServedTraining.Of(registry, serving);
        var retrain = options.Retrain with
        {
            Ratings = recorded.Ratings ?? options.Retrain.Ratings,
            Threshold = recorded.Threshold ?? options.Retrain.Threshold,
        };
        var key = (retrain.Ratings, retrain.Threshold);
        var onBase = _onBase.GetOrAdd(key, _ => new Lazy<OnBase>(() => ResolveOnBase(retrain), LazyThreadSafetyMode.ExecutionAndPublication));
        OnBase resolved;
        try
        {
            resolved = onBase.Value;
        }
        catch
        {
            _onBase.TryRemove(KeyValuePair.Create(key, onBase));
            throw;
        }
        return new(recorded, retrain, resolved.Rule, recorded.Confidence ?? resolved.Configured.Value);
    }

    private OnBase ResolveOnBase(RetrainOptions retrain)
    {
        var data = baseDataset.Dataset;
        var baseRule = data is null ? null : TrainingRule.Resolve(data, data, retrain);
        return new(baseRule, new Lazy<ConfidenceTransform>(() => Configured(retrain, baseRule, data), LazyThreadSafetyMode.ExecutionAndPublication));
    }

    // Not recorded: the configured transform; auto chooses on the base's matrix as train would on that data set.
    private static ConfidenceTransform Configured(RetrainOptions retrain, TrainingRule? baseRule, MusicDataset? data)
    {
        var transform = TrainingSetBuilder.Confidence(retrain.Confidence);
        if (transform == ConfidenceTransform.Auto)
        {
            if (baseRule is null || data is null) return ConfidenceTransform.None;
            var users = IdMap.FromIds(data.Users.Ids);
            var items = IdMap.FromIds(data.Items.Ids);
            transform = ConfidenceChoice.Choose(baseRule.Scores(data, users, items).Matrix).Transform;
        }
        return transform == ConfidenceTransform.TfIdf || transform.Name.StartsWith("bm25", StringComparison.Ordinal) ? ConfidenceTransform.None : transform;
    }
}
