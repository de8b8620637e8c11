using Encore.Core.Errors;

namespace Encore.Data.Splits;

/// <summary>Settings of <see cref="SixCandidateSplit"/> (defaults: the KDD Cup 2011 track 2 protocol).</summary>
public sealed record SixCandidateSplitOptions
{
    /// <summary>A track rating at or above this value is a "liked" track (default 80 on 0..100).</summary>
    public float PositiveThreshold { get; init; } = 80f;

    /// <summary>Liked tracks moved to test per user (default 3).</summary>
    public int Positives { get; init; } = 3;

    /// <summary>Never-rated tracks drawn per user, proportional to popularity (default 3).</summary>
    public int Negatives { get; init; } = 3;

    /// <summary>Share of eligible users that become test users, drawn with the seed (default 1: all).</summary>
    public double UserFraction { get; init; } = 1.0;

    /// <summary>Ratings (any level) a test user must keep in train after its positives leave (default 1).</summary>
    public int MinRemainingRatings { get; init; } = 1;

    /// <summary>Negative draws tried per user before the user is skipped (users who rated nearly every popular track).</summary>
    public int MaxNegativeDraws { get; init; } = 10_000;

    public ulong Seed { get; init; } = 42;

    internal void Validate()
    {
        Guard.Positive(Positives);
        Guard.Positive(Negatives);
        Guard.NonNegative(MinRemainingRatings);
        Guard.Positive(MaxNegativeDraws);
        Guard.InRange(UserFraction, 0.0, 1.0);
        if (!float.IsFinite(PositiveThreshold))
            throw new ArgumentOutOfRangeException(nameof(PositiveThreshold), PositiveThreshold, "PositiveThreshold must be finite.");
    }
}
