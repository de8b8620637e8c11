using Encore.Core.Ids;
using Encore.Core.Sparse;

namespace Encore.Models.Contract;

/// <summary>
/// What every model trains on: a users x items matrix of (already weighted / transformed) interaction
/// strengths plus the id maps that are saved with the model. Only Core types: models never see files.
/// </summary>
public sealed class TrainingData
{
    public TrainingData(CsrMatrix interactions, IdMap users, IdMap items)
    {
        if (interactions.Rows != users.Count)
            throw new ArgumentException($"Matrix has {interactions.Rows} rows but the user map has {users.Count} ids.", nameof(users));
        if (interactions.Columns != items.Count)
            throw new ArgumentException($"Matrix has {interactions.Columns} columns but the item map has {items.Count} ids.", nameof(items));
        Interactions = interactions;
        Users = users;
        Items = items;
    }

    /// <summary>Builds id maps "0".."n-1" for tests and synthetic matrices.</summary>
    public static TrainingData FromMatrix(CsrMatrix interactions) => new(interactions,
        IdMap.FromIds(Enumerable.Range(0, interactions.Rows).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        IdMap.FromIds(Enumerable.Range(0, interactions.Columns).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public CsrMatrix Interactions { get; }

    /// <summary>Optional content vectors of the items (one row per item); content models require them.</summary>
    /// <exception cref="ArgumentException">The row count differs from the item count.</exception>
    public ItemFeatures? ItemFeatures
    {
        get => _itemFeatures;
        init
        {
            if (value is not null && value.Count != Items.Count)
                throw new ArgumentException($"Item features have {value.Count} rows but the item map has {Items.Count} ids.", nameof(ItemFeatures));
            _itemFeatures = value;
        }
    }

    private readonly ItemFeatures? _itemFeatures;

    public IdMap Users { get; }

    public IdMap Items { get; }

    public int UserCount => Interactions.Rows;

    public int ItemCount => Interactions.Columns;
}
