using System.Numerics.Tensors;
using Encore.Core.Sparse;

namespace Encore.Models.Factorization.Als;

/// <summary>
/// The social term of ALS's user step (SocialMF: Jamali &amp; Ester 2010, "A matrix factorization technique with trust
/// propagation for recommendation in social networks", RecSys, eq. 5, adapted to implicit ALS): user u's objective gains
/// sigma |x_u - m_u|^2 with m_u = (1 / |F(u)|) sum_{f in F(u)} x_f, the mean of the factors of u's friends F(u). With
/// m_u held at the friends' factors of the previous half-step, u's normal equations become
/// (Y^T C_u Y + lambda_u I + sigma I) x_u = Y^T C_u p_u + sigma m_u: one more diagonal term and one right-hand-side
/// shift, so each row stays an independent solve. SocialMF's original gradient also has the terms where u is someone
/// else's friend; they are left out here (each row's solve would then depend on rows solved in the same step). Users
/// without links (self-links ignored) get plain ALS. All friends' factors are read from a snapshot taken before the
/// half-step, so the result does not depend on the thread count or row order. One instance per fit (not thread-safe
/// across fits; <see cref="Shift"/> may run on many workers at once).
/// </summary>
internal sealed class SocialRegularization
{
    private readonly CsrMatrix _links;
    private readonly int[] _friends;
    private readonly float[] _previous;
    private readonly int _d;

    /// <param name="links">Users x users, nonzero where the row user links to the column user (direction as given).</param>
    /// <param name="d">Factors per user.</param>
    /// <param name="sigma">Weight sigma &gt; 0.</param>
    /// <exception cref="ArgumentException">The links are not square.</exception>
    public SocialRegularization(CsrMatrix links, int d, float sigma)
    {
        ArgumentNullException.ThrowIfNull(links);
        if (links.Rows != links.Columns) throw new ArgumentException($"User links must be users x users, got {links.Rows} x {links.Columns}.", nameof(links));
        _links = links;
        _d = d;
        Sigma = sigma;
        _previous = new float[links.Rows * d];
        _friends = new int[links.Rows];
        for (var u = 0; u < links.Rows; u++)
            foreach (var f in links.RowIndices(u))
                if (f != u) _friends[u]++;
    }

    /// <value>The weight sigma.</value>
    public float Sigma { get; }

    /// <value>Users covered (the links' rows).</value>
    public int Users => _links.Rows;

    /// <summary>Number of u's friends (self-links not counted).</summary>
    public int FriendCount(int user) => _friends[user];

    /// <summary>Copies the user factors (users x d, row-major) as the friends' factors of the coming half-step.</summary>
    /// <exception cref="ArgumentException">The factors do not cover <see cref="Users"/> x d.</exception>
    public void Snapshot(ReadOnlySpan<float> userFactors)
    {
        if (userFactors.Length != _previous.Length)
            throw new ArgumentException($"User factors hold {userFactors.Length} floats; the links cover {Users} users x {_d} factors.", nameof(userFactors));
        userFactors.CopyTo(_previous);
    }

    /// <summary>Writes sigma m_u (length d) into <paramref name="shift"/>; u must have at least one friend.</summary>
    public void Shift(int user, Span<float> shift)
    {
        shift.Clear();
        foreach (var f in _links.RowIndices(user))
            if (f != user) TensorPrimitives.Add(shift, _previous.AsSpan(f * _d, _d), shift);
        TensorPrimitives.Multiply(shift, Sigma / _friends[user], shift);
    }
}
