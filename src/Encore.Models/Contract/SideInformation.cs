using Encore.Core.Sparse;

namespace Encore.Models.Contract;

/// <summary>
/// Optional tables beside the interaction matrix that a model may use when present (the funnel does; every other
/// model ignores them): user-user social links (e.g. Last.fm friendships) and user-item-tag assignments. Built from a
/// snapshot by one code path for evaluate, train and serve (<c>Encore.Evaluation.Side.SideTables</c>): tag
/// assignments are kept only on the training matrix's (user, item) pairs (<see cref="RestrictedTo"/>) and, where the
/// protocol is temporal, only up to the end of the training period. Either part may be null.
/// </summary>
public sealed class SideInformation
{
    /// <exception cref="ArgumentException">The links are not square, or the parts disagree on the user count.</exception>
    public SideInformation(CsrMatrix? userLinks, UserItemTags? tags)
    {
        if (userLinks is not null && userLinks.Rows != userLinks.Columns)
            throw new ArgumentException($"User links must be users x users, got {userLinks.Rows} x {userLinks.Columns}.", nameof(userLinks));
        if (userLinks is not null && tags is not null && userLinks.Rows != tags.UserCount)
            throw new ArgumentException($"User links cover {userLinks.Rows} users, tag assignments {tags.UserCount}.", nameof(tags));
        UserLinks = userLinks;
        Tags = tags;
    }

    /// <value>Users x users, value 1 where row user links to column user (directed as given; friendships usually both ways); null when absent.</value>
    public CsrMatrix? UserLinks { get; }

    /// <value>User-item-tag assignments; null when absent.</value>
    public UserItemTags? Tags { get; }

    /// <summary>
    /// The same links with the tag assignments kept only on pairs that have positive signal in
    /// <paramref name="interactions"/> (<see cref="UserItemTags.OnPairsOf"/>): how every protocol keeps held-out pairs
    /// out of the tag tables, and how the funnel's ranker sees the same rule on its validation carve.
    /// </summary>
    public SideInformation RestrictedTo(Core.Sparse.CsrMatrix interactions)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        var tags = Tags?.OnPairsOf(interactions);
        return ReferenceEquals(tags, Tags) ? this : new SideInformation(UserLinks, tags);
    }

    /// <value>True when neither part is present.</value>
    public bool IsEmpty => UserLinks is null && Tags is null;
}
