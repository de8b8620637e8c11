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

    /// <summary>
    /// Every aggregated pair as given, including non-positive totals (a skip kept as 0, a dislike of -1): the
    /// "seen" set that models keep and save, so a disliked track is never recommended back to its user.
    /// </summary>
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

    /// <summary>Optional side tables (social links, tag assignments) aligned with the user and item maps; models that do not use them ignore them.</summary>
    /// <exception cref="ArgumentException">A table's user or item count differs from the maps'.</exception>
    public SideInformation? Side
    {
        get => _side;
        init
        {
            if (value?.UserLinks is { } links && links.Rows != Users.Count)
                throw new ArgumentException($"User links cover {links.Rows} users but the user map has {Users.Count} ids.", nameof(Side));
            if (value?.Tags is { } tags && (tags.UserCount != Users.Count || tags.ItemCount != Items.Count))
                throw new ArgumentException($"Tag assignments index {tags.UserCount} x {tags.ItemCount} users x items, the maps {Users.Count} x {Items.Count}.", nameof(Side));
            _side = value;
        }
    }

    private readonly SideInformation? _side;

    /// <summary>Optional S4 hierarchy (links, ratings of every level, validation lists); the hierarchy model uses it.</summary>
    /// <exception cref="ArgumentException">It covers a different number of users or tracks.</exception>
    public Hierarchy.HierarchyInput? Hierarchy
    {
        get => _hierarchy;
        init
        {
            if (value is not null && (value.Catalogue.TrackCount != Items.Count || value.Ratings.UserCount != Users.Count))
                throw new ArgumentException($"The hierarchy covers {value.Ratings.UserCount} users and {value.Catalogue.TrackCount} tracks; the data has {Users.Count} users and {Items.Count} items.", nameof(Hierarchy));
            _hierarchy = value;
        }
    }

    private readonly Hierarchy.HierarchyInput? _hierarchy;

    /// <summary>The same interactions, maps and other optional tables with <paramref name="features"/> as the item content.</summary>
    /// <exception cref="ArgumentException">The row count differs from the item count.</exception>
    public TrainingData WithItemFeatures(ItemFeatures? features) => Copy(features, Side, Hierarchy);

    /// <summary>The same interactions, maps and other optional tables with <paramref name="side"/> as the side information.</summary>
    /// <exception cref="ArgumentException">A table's user or item count differs from the maps'.</exception>
    public TrainingData WithSide(SideInformation? side) => Copy(ItemFeatures, side, Hierarchy);

    /// <summary>The same maps and optional tables with <paramref name="interactions"/> (same shape) as the interaction values.</summary>
    /// <exception cref="ArgumentException">The matrix's shape differs from the maps'.</exception>
    public TrainingData WithInteractions(CsrMatrix interactions) => Copy(ItemFeatures, Side, Hierarchy, interactions);

    // The one place that lists every optional table, so a copy that replaces one cannot drop another.
    private TrainingData Copy(ItemFeatures? features, SideInformation? side, Hierarchy.HierarchyInput? hierarchy, CsrMatrix? interactions = null) =>
        new(interactions ?? Interactions, Users, Items) { ItemFeatures = features, Side = side, Hierarchy = hierarchy };

    /// <summary>
    /// The positive part of <see cref="Interactions"/> (entries &gt; 0): the only thing every model learns from.
    /// A negative or zero total is no positive signal for any model (docs/aggregation.md, "Negative values").
    /// </summary>
    public CsrMatrix Signal => _signal ??= Interactions.PositivePart();

    private CsrMatrix? _signal;

    public IdMap Users { get; }

    public IdMap Items { get; }

    public int UserCount => Interactions.Rows;

    public int ItemCount => Interactions.Columns;
}
