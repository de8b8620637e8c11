using Encore.Core.Ids;
using Encore.Core.Interactions;
using Encore.Core.Sparse;
using Encore.Data.Aggregation;
using Encore.Data.Model;
using Encore.Data.Ratings;
using Encore.Online.Feedback;

namespace Encore.Online.Retraining;

/// <summary>
/// The rule that turns events into the per-(user, track) values a model trains on, as <c>encore train</c> reads a data
/// set (docs/ratings.md): with events as the signal (<see cref="RatingSignal.Ignore"/>) the kind weights summed per pair,
/// times the events' values (play counts) when <see cref="UseEventValues"/>; with ratings as the signal the last rating
/// of a pair (posted 0..100 ratings read on <see cref="Scale"/>), and positive / signed applying <see cref="Threshold"/>
/// (below it: dropped / -1). The confidence transform is applied between the two (<see cref="Values"/>).
/// One rule serves the retrain's whole training matrix (<see cref="TrainingSetBuilder"/>) and a single user's fold-in
/// row at serving time (<c>FoldInHistory</c>), so both read the same events the same way.
/// </summary>
/// <param name="Signal">The signal (never <see cref="RatingSignal.Auto"/>).</param>
/// <param name="Automatic">True when <c>auto</c> chose <paramref name="Signal"/>.</param>
/// <param name="Weights">Kind weights of the events signal.</param>
/// <param name="UseEventValues">Whether event values multiply the kind weights (train's --values auto: <see cref="EventValues.Carried"/>).</param>
/// <param name="Scale">The scale posted ratings are read on (the base's; the API's 0..100 without base ratings).</param>
/// <param name="Threshold">Threshold of positive / signed on <paramref name="Scale"/>; null for the other signals.</param>
/// <param name="ThresholdOrigin">Where <paramref name="Threshold"/> came from (for notes).</param>
public sealed record TrainingRule(RatingSignal Signal, bool Automatic, EventKindWeights Weights, bool UseEventValues, OnlineRatingScale Scale,
    float? Threshold, string? ThresholdOrigin)
{
    /// <summary>True when ratings, not events, are the signal.</summary>
    public bool ByRatings => Signal != RatingSignal.Ignore;

    /// <summary>
    /// The value a stored event carries into the event table: NaN when it has none; a posted rating mapped onto
    /// <see cref="Scale"/> when ratings are the signal.
    /// </summary>
    public float ValueOf(StoredEvent e) => ValueOf(e, ByRatings, Scale);

    /// <summary>
    /// <see cref="ValueOf(StoredEvent)"/> before the rule is resolved (a retrain knows the signal from its base dataset
    /// before it reads the stored events, <see cref="EarlySignal"/>): posted ratings mapped onto <paramref name="scale"/> when
    /// <paramref name="byRatings"/>.
    /// </summary>
    public static float ValueOf(StoredEvent e, bool byRatings, OnlineRatingScale scale)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(scale);
        var value = e.Value is { } v ? (float)v : Missing.Value;
        return e.Kind == EventKind.Rating && byRatings ? scale.Map(value) : value;
    }

    /// <summary>
    /// The raw scores (users x items of <paramref name="users"/> / <paramref name="items"/>, before any confidence
    /// transform) of <paramref name="dataset"/>'s events (and, under a ratings signal, its rating table).
    /// </summary>
    /// <param name="dataset">The events (posted ratings already read by <see cref="ValueOf(StoredEvent)"/>) and, under ratings, the rating table.</param>
    /// <param name="users">User ids the events' user indices refer to (the rows).</param>
    /// <param name="items">Track ids the events' item indices refer to (the columns).</param>
    /// <param name="useEventValues">Overrides <see cref="UseEventValues"/> (fold-in: also when the user's own events carry values).</param>
    public InteractionMatrix Scores(MusicDataset dataset, IdMap users, IdMap items, bool? useEventValues = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (ByRatings) return InteractionAggregator.Aggregate(RatingEvents.AsEvents(dataset).Events, users, items, RatingEvents.Aggregation(ConfidenceTransform.None));
        var aggregation = new AggregationOptions { Weights = Weights, UseEventValue = useEventValues ?? UseEventValues, Confidence = ConfidenceTransform.None };
        return InteractionAggregator.Aggregate(dataset.Events, users, items, aggregation);
    }

    /// <summary>
    /// The values trained on: <paramref name="confidence"/> applied to <paramref name="raw"/>, then the threshold of
    /// positive (below: dropped) / signed (below: -1), compared with the raw rating. Same shape as <paramref name="raw"/>.
    /// </summary>
    public CsrMatrix Values(CsrMatrix raw, ConfidenceTransform confidence)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(confidence);
        return RatingTraining.Apply(confidence.Apply(raw), raw, Signal, Threshold ?? 1f);
    }

    /// <summary>How ratings were read, for the retrain's answer and note.</summary>
    public RetrainRatings Describe(bool postedRatings) =>
        new(Signal, Automatic, Threshold, ThresholdOrigin, postedRatings && ByRatings && !Scale.IsIdentity ? Scale : null);

    /// <summary>
    /// The rule for <paramref name="options"/> on <paramref name="merged"/> (the base dataset's events followed by the
    /// stored ones, posted ratings already on the base's scale) with <paramref name="baseDataset"/> (null: none).
    /// <c>auto</c> follows the base dataset when there is one (a few posted plays must not turn a Yahoo service into one
    /// trained on those plays alone), else <paramref name="merged"/>.
    /// </summary>
    /// <exception cref="ArgumentException">retrain.ratings names no signal, or retrain.threshold is not a finite number above 0.</exception>
    public static TrainingRule Resolve(MusicDataset merged, MusicDataset? baseDataset, RetrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(options);
        var requested = RatingSignalNames.Parse(options.Ratings, "retrain.ratings");
        if (options.Threshold is { } given && !(given > 0 && float.IsFinite(given)))
            throw new ArgumentException($"retrain.threshold expects a rating above 0 on the base's scale (Yahoo R3 1..5, KDD Cup 0..100; posted ratings 0..100 without base ratings), got {given}.", nameof(options));
        var weights = options.Weights.ToKindWeights();
        var signal = RatingEvents.Resolve(baseDataset ?? merged, requested, weights);
        var baseRatings = baseDataset is not null && RatingEvents.Count(baseDataset) > 0;
        var threshold = ThresholdFor(options.Threshold, merged, signal, baseRatings);
        return new(signal, requested == RatingSignal.Auto, weights, EventValues.Carried(merged.Events, weights), OnlineRatingScale.For(baseDataset),
            threshold?.Value, threshold?.Origin);
    }

    /// <summary>
    /// The signal <see cref="Resolve"/> will choose with <paramref name="baseDataset"/> before the stored events are
    /// read (null while <c>auto</c> waits for them: no base), so posted ratings can be mapped as they are added.
    /// </summary>
    public static RatingSignal? EarlySignal(MusicDataset? baseDataset, RetrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var requested = RatingSignalNames.Parse(options.Ratings, "retrain.ratings");
        if (baseDataset is null) return requested == RatingSignal.Auto ? null : requested;
        return RatingEvents.Resolve(baseDataset, requested, options.Weights.ToKindWeights());
    }

    // positive / signed: the given threshold, else train's rule on the merged data (the source's documented one, else
    // 4/5 of the highest rating); with only posted ratings the scale is the API's documented 0..100, whose top is known,
    // so the rule is applied to it (80) rather than to the highest rating posted so far.
    private static (float Value, string Origin)? ThresholdFor(float? given, MusicDataset merged, RatingSignal signal, bool baseRatings)
    {
        if (signal is not (RatingSignal.Positive or RatingSignal.Signed)) return null;
        if (given is { } t) return (t, "given");
        if (!baseRatings && RatingScale.ForSource(merged.Source) is null)
            return (RatingThresholdRule.Of(OnlineRatingScale.ApiTop), $"auto: 4/5 of the event API's top rating {OnlineRatingScale.ApiTop}");
        return RatingThresholdRule.Default(merged) is { } rule ? (rule.Threshold, rule.Origin) : null;
    }
}
