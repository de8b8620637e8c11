using Encore.Core.Errors;

namespace Encore.Models.Group;

/// <summary>Options of <see cref="GroupRecommender"/>.</summary>
public sealed record GroupOptions
{
    private readonly int _memberListSize = 50;
    private readonly double _repeatShare = 0.5;

    /// <value>Aggregation strategy. Default <see cref="GroupStrategy.Average"/>.</value>
    public GroupStrategy Strategy { get; init; } = GroupStrategy.Average;

    /// <value>Per-member score normalisation. Default <see cref="ScoreNormalisation.MinMax"/>.</value>
    public ScoreNormalisation Normalisation { get; init; } = ScoreNormalisation.MinMax;

    /// <value>Length N of each member's own top-N list (Borda points, overlap counts, satisfaction). Default 50.</value>
    public int MemberListSize
    {
        get => _memberListSize;
        init { Guard.Positive(value, nameof(MemberListSize)); _memberListSize = value; }
    }

    /// <value>
    /// Share rho in [0, 1] of a member's future plays expected to repeat their training tracks, used by
    /// <see cref="GroupStrategy.ExpectedPlays"/>: 1 = only repeats, 0 = only new tracks. Default 0.5.
    /// </value>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1].</exception>
    public double RepeatShare
    {
        get => _repeatShare;
        init { Guard.InRange(value, 0, 1, nameof(RepeatShare)); _repeatShare = value; }
    }
}
