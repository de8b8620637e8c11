using Encore.Core.Errors;

namespace Encore.Models.Group;

/// <summary>Options of <see cref="GroupRecommender"/>.</summary>
public sealed record GroupOptions
{
    private readonly int _memberListSize = 50;

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
}
