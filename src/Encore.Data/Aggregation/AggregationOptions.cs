using Encore.Core.Errors;

namespace Encore.Data.Aggregation;

/// <summary>What <see cref="InteractionAggregator"/> adds up per (user, item) and how the totals are transformed.</summary>
public sealed record AggregationOptions
{
    /// <summary>Weight of one event per kind. Default: play 1, like 1, others 0 (SPEC S1).</summary>
    public EventKindWeights Weights { get; init; } = EventKindWeights.Default;

    /// <summary>
    /// Multiply each event's weight by its Value column (play counts, e.g. Last.fm HetRec listen counts)
    /// instead of counting 1 per event. Events whose value is missing (NaN) count as 1. Default false.
    /// </summary>
    public bool UseEventValue { get; init; }

    /// <summary>How ratings at the dataset's item level add to the score. Default <see cref="RatingMode.Ignore"/>.</summary>
    public RatingMode Ratings { get; init; } = RatingMode.Ignore;

    /// <summary>Threshold for <see cref="RatingMode.Binary"/> and <see cref="RatingMode.AboveThreshold"/>. Default 80 (0..100 scale).</summary>
    public float RatingThreshold { get; init; } = 80f;

    /// <summary>Optional exponential time decay applied to every event and rating weight. Default none.</summary>
    public TimeDecay? Decay { get; init; }

    /// <summary>Keep (user, item) pairs whose total is exactly 0 (e.g. skip-only pairs) as stored zeros. Default false.</summary>
    public bool KeepZeroScores { get; init; }

    /// <summary>Transform applied to the totals. Default <see cref="ConfidenceTransform.None"/> (raw scores).</summary>
    public ConfidenceTransform Confidence { get; init; } = ConfidenceTransform.None;

    internal void Validate()
    {
        if (!float.IsFinite(RatingThreshold))
            throw new ArgumentOutOfRangeException(nameof(RatingThreshold), RatingThreshold, "RatingThreshold must be finite.");
        if (!Enum.IsDefined(Ratings))
            throw new ArgumentOutOfRangeException(nameof(Ratings), Ratings, "unknown rating mode.");
        Guard.SameLength(Weights.Table.Length, 256, "event kind weights");
    }
}
