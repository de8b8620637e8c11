using Encore.Core.Ids;
using Encore.Core.Sparse;

namespace Encore.Core.Interactions;

/// <summary>
/// The hand-off from data to models: a users x items score matrix with the id maps that name its rows and
/// columns (row u is <c>Users[u]</c>, column i is <c>Items[i]</c>). Holds only Core types so models never
/// need Encore.Data.
/// </summary>
public sealed class InteractionMatrix
{
    public InteractionMatrix(CsrMatrix matrix, IdMap users, IdMap items)
    {
        if (matrix.Rows != users.Count)
            throw new ArgumentException($"matrix has {matrix.Rows} rows but the user map has {users.Count} ids.", nameof(matrix));
        if (matrix.Columns != items.Count)
            throw new ArgumentException($"matrix has {matrix.Columns} columns but the item map has {items.Count} ids.", nameof(matrix));
        Matrix = matrix;
        Users = users;
        Items = items;
    }

    /// <summary>Users x items; rows follow <see cref="Users"/>, columns follow <see cref="Items"/>.</summary>
    public CsrMatrix Matrix { get; }

    public IdMap Users { get; }

    public IdMap Items { get; }

    /// <summary>The same ids with another matrix of the same shape (a split part, a transformed copy).</summary>
    public InteractionMatrix With(CsrMatrix matrix) => new(matrix, Users, Items);
}
