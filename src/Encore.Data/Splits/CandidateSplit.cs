using Encore.Data.Model;

namespace Encore.Data.Splits;

/// <summary>
/// Result of <see cref="SixCandidateSplit"/>: train ratings (input minus every rating row of a test positive),
/// the removed rows as <see cref="Test"/>, and the candidate lists (label 1 = positive, 0 = never rated),
/// grouped by user (users ascending), each list in a seeded random order.
/// </summary>
public sealed class CandidateSplit
{
    public required RatingTable Train { get; init; }
    public required RatingTable Test { get; init; }
    public required int[] TrainRows { get; init; }
    public required int[] TestRows { get; init; }
    public required CandidateTable Candidates { get; init; }

    /// <summary>Users that received a candidate list, ascending.</summary>
    public required int[] TestUsers { get; init; }
}
