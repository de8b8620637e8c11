using Encore.Core.Sparse;

namespace Encore.Models.Contract;

/// <summary>Filters of a recommend call. Item lists are dense item indices.</summary>
public sealed record RecommendOptions
{
    public static readonly RecommendOptions Default = new();

    /// <value>Leave out items the user already has in <see cref="SeenItems"/> (default: the training matrix). Default true.</value>
    public bool ExcludeSeen { get; init; } = true;

    /// <value>History used for <see cref="ExcludeSeen"/> instead of the training matrix (same users x items shape).</value>
    public CsrMatrix? SeenItems { get; init; }

    /// <value>Items never to recommend (for every user of the call).</value>
    public IReadOnlyList<int>? Exclude { get; init; }

    /// <value>When set, only these items may be recommended.</value>
    public IReadOnlyList<int>? Allow { get; init; }
}
