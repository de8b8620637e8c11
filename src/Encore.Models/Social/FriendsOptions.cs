using Encore.Core.Errors;
using Encore.Models.Contract;

namespace Encore.Models.Social;

/// <summary>How much one friend's training value on an item counts in <see cref="FriendsTrainer"/>'s score.</summary>
public enum FriendPlayWeighting
{
    /// <summary>1 for every item the friend has (the share of friends who listen to it).</summary>
    Binary,
    /// <summary>ln(1 + value) / max over the friend's items of ln(1 + value): in (0, 1], heavy plays count more but not linearly.</summary>
    Log1p,
    /// <summary>value / the friend's largest value: in (0, 1].</summary>
    Value,
}

/// <summary>
/// Options of <see cref="FriendsTrainer"/>: the social recommender over user links (HetRec's user_friends).
/// score(u, i) = sum over linked users f of w(u, f) g(f, i) + <see cref="PopularityWeight"/> pop(i) / max pop, with the
/// link weights w of each user summing to 1 (docs/models-friends.md).
/// </summary>
public sealed record FriendsOptions : ModelOptions
{
    private readonly double _taste;
    private readonly double _secondDegree;
    private readonly double _popularityWeight = 0.01;

    /// <value>How a friend's training value on an item counts (g). Default <see cref="FriendPlayWeighting.Log1p"/>.</value>
    public FriendPlayWeighting Weighting { get; init; } = FriendPlayWeighting.Log1p;

    /// <value>
    /// Exponent p of the taste weighting of friends, 0-4: w(u, f) proportional to (0.01 + cos(u, f))^p, cos over the two
    /// users' binary training rows. 0 (default): every friend counts the same; larger values trust friends who share the
    /// user's taste; search range 0..2.
    /// </value>
    public double Taste { get => _taste; init { Guard.InRange(value, 0, 4, nameof(Taste)); _taste = value; } }

    /// <value>
    /// Share of the link weight, 0-0.9, moved to friends of friends (users two links away that are neither the user nor a
    /// direct friend; their weights are the two-step walk's probabilities). Default 0 (direct friends only); search range 0..0.5.
    /// </value>
    public double SecondDegree { get => _secondDegree; init { Guard.InRange(value, 0, 0.9, nameof(SecondDegree)); _secondDegree = value; } }

    /// <value>
    /// Weight of the item's popularity (users with the item / the largest such count) added to every score, 0-1,000. It
    /// breaks ties among items no friend has and is the whole answer for a user without friends (their list is the
    /// popularity list). Default 0.01 (friends first, popularity behind them); search range 0..1.
    /// </value>
    public double PopularityWeight { get => _popularityWeight; init { Guard.InRange(value, 0, 1000, nameof(PopularityWeight)); _popularityWeight = value; } }
}
