using System.Runtime.CompilerServices;
using Encore.Core.Errors;
using Encore.Core.Ids;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Kernels;
using Encore.Models.Files;

namespace Encore.Models.Factorization;

/// <summary>
/// Shared behaviour of every latent-factor model: score = user factors . item factors. User and item
/// factors are contiguous row-major arrays (<see cref="Dimensions"/> floats per row). Batch recommend runs a
/// register-blocked kernel over a copy of the item factors in norm-ordered panels and stops early where the norm
/// bound allows (exact); single scores use the same operation order, so every path returns bit-identical scores. Also serves similar items / users (cosine)
/// and fold-in recommendations for users the model never saw. Factors loaded with <see cref="ModelLoader.Load(string)"/>
/// are read from a memory mapping of the file (shared pages, not private memory); every method of the model holds a
/// lease on the mapping while it reads it, so <see cref="Dispose"/> or finalisation never unmaps under a running call.
/// </summary>
public abstract partial class FactorModel : RecommenderBase, ISimilarItems, ISimilarUsers, IHistoryRecommender, IDisposable
{
    private readonly ModelArray<float> _userFactors;
    private readonly ModelArray<float> _itemFactors;
    private NormPanels? _panels;
    private readonly Lazy<float[]> _foldInGram;
    private readonly Lazy<float[]> _itemNorms;
    private readonly Lazy<float[]> _userNorms;

    protected FactorModel(IdMap users, IdMap items, CsrMatrix interactions, int dimensions, ModelArray<float> userFactors, ModelArray<float> itemFactors)
        : base(users, items, interactions)
    {
        Guard.Positive(dimensions);
        if (userFactors.Length != (long)users.Count * dimensions || itemFactors.Length != (long)items.Count * dimensions)
            throw new ArgumentException($"Factor arrays must hold {users.Count} x {dimensions} and {items.Count} x {dimensions} floats.", nameof(userFactors));
        Dimensions = dimensions;
        _userFactors = userFactors;
        _itemFactors = itemFactors;
        // Gram.Compute works on a managed array: a mapped model gives it a transient copy of the item factors.
        _foldInGram = new(() => Gram.Regularized(
            Gram.Leading(Gram.Compute(_itemFactors.IsMapped ? _itemFactors.ToArray() : _itemFactors.Array!, Items.Count, Dimensions, Threads), Dimensions, FoldInDimensions),
            FoldInDimensions, FoldInRegularization));
        _itemNorms = new(() => RowNorms(_itemFactors, Items.Count, Dimensions));
        _userNorms = new(() => RowNorms(_userFactors, Users.Count, Dimensions));
    }

    // The float32 scoring copy (norm-ordered panels), built on first use (206 ms for 100,000 x 64 factors).
    private NormPanels Panels => LazyInitializer.EnsureInitialized(ref _panels, () =>
    {
        using var lease = _itemFactors.Lease();
        return new NormPanels(_itemFactors.Span, Items.Count, Dimensions);
    });

    /// <value>True when the factor matrices are read from a memory-mapped model file.</value>
    public bool IsMapped => _userFactors.IsMapped || _itemFactors.IsMapped;

    /// <summary>
    /// Releases the mapping of the factors (deferred while one of this model's methods is reading it). Spans obtained
    /// earlier from <see cref="UserFactors"/>, <see cref="UserVector"/> and the like must not be used afterwards; later
    /// calls that read the factors throw <see cref="ObjectDisposedException"/>. No-op for an in-memory model.
    /// </summary>
    public void Dispose() => (_userFactors.Mapping ?? _itemFactors.Mapping)?.Dispose();

    // Both arrays come from one reader, so they share one mapping when either is mapped.
    private protected MappingLease LeaseFactors() => (_userFactors.Mapping ?? _itemFactors.Mapping)?.Lease() ?? default;

    /// <summary>Length of every factor vector (including bias columns of biased models).</summary>
    public int Dimensions { get; }

    /// <summary>All user factors, row-major (user u at [u * Dimensions, (u + 1) * Dimensions)).</summary>
    /// <remarks>For a mapped model the span reads the mapping: keep the model reachable (and undisposed) while using it.</remarks>
    public ReadOnlySpan<float> UserFactors => _userFactors.Span;

    /// <summary>All item factors, row-major.</summary>
    /// <remarks>For a mapped model the span reads the mapping: keep the model reachable (and undisposed) while using it.</remarks>
    public ReadOnlySpan<float> ItemFactors => _itemFactors.Span;

    /// <summary>The factors of one user (a view, not a copy; see <see cref="UserFactors"/>).</summary>
    public ReadOnlySpan<float> UserVector(int user) => _userFactors.Slice((long)CheckUser(user) * Dimensions, Dimensions);

    /// <summary>The factors of one item (a view, not a copy; see <see cref="ItemFactors"/>).</summary>
    public ReadOnlySpan<float> ItemVector(int item) => _itemFactors.Slice((long)CheckItem(item) * Dimensions, Dimensions);

    /// <summary>Confidence scale used by fold-in (ALS: its alpha; other models: 1).</summary>
    protected abstract float FoldInAlpha { get; }

    /// <summary>Ridge penalty used by fold-in.</summary>
    protected abstract float FoldInRegularization { get; }

    /// <summary>Leading entries of a user vector that fold-in solves for; the rest are fixed (bias columns).</summary>
    protected virtual int FoldInDimensions => Dimensions;

    /// <summary>Sets the fixed (non-solved) entries of a folded-in user vector.</summary>
    protected virtual void CompleteFoldIn(Span<float> user)
    {
    }

    /// <summary>Y^T Y + FoldInRegularization I (over the first <see cref="FoldInDimensions"/> entries) over the item factors (computed once, on first use).</summary>
    protected ReadOnlySpan<float> FoldInGram => _foldInGram.Value;

    protected override void ScoreAll(int user, Span<float> scores)
    {
        using var lease = LeaseFactors();
        ScoreVector(UserVector(user), scores);
    }

    public override void Score(int user, ReadOnlySpan<int> items, Span<float> scores)
    {
        Guard.SameLength(items.Length, scores.Length, "items and scores");
        using var lease = LeaseFactors();
        var u = UserVector(user);
        for (var i = 0; i < items.Length; i++)
        {
            var y = ItemVector(items[i]);
            var acc = 0f;
            for (var f = 0; f < y.Length; f++) acc = MathF.FusedMultiplyAdd(y[f], u[f], acc);
            scores[i] = acc;
        }
    }

    /// <summary>Scores every item for an arbitrary user vector (length <see cref="Dimensions"/>).</summary>
    [SkipLocalsInit]
    public void ScoreVector(ReadOnlySpan<float> userVector, Span<float> scores)
    {
        Guard.SameLength(userVector.Length, Dimensions, "user vector and factors");
        Guard.SameLength(scores.Length, Items.Count, "scores and items");
        using var lease = LeaseFactors(); // the vector is often a view of this model's own mapping
        var panels = Panels;
        Span<float> panelScores = stackalloc float[NormPanels.Width];
        var ids = panels.Items;
        for (var p = 0; p < panels.Count; p++)
        {
            ScoreKernel.One(userVector, Dimensions, panels.Panel(p), NormPanels.Width, 0, NormPanels.Width, panelScores);
            var at = p * NormPanels.Width;
            for (var i = 0; i < NormPanels.Width; i++)
                if (ids[at + i] >= 0) scores[ids[at + i]] = panelScores[i];
        }
    }

    /// <summary>Writes id maps, the training matrix and both factor arrays; subclasses append their settings.</summary>
    protected void WriteFactors(ModelWriter writer)
    {
        using var lease = LeaseFactors();
        writer.WriteIdMap(Users);
        writer.WriteIdMap(Items);
        writer.WriteCsr(Interactions);
        writer.WriteInt(Dimensions);
        writer.WriteArray(_userFactors.Span);
        writer.WriteArray(_itemFactors.Span);
    }

    /// <summary>Reads what <see cref="WriteFactors"/> wrote.</summary>
    protected static FactorPayload ReadFactors(ModelReader reader)
    {
        var users = reader.ReadIdMap();
        var items = reader.ReadIdMap();
        var interactions = reader.ReadCsr();
        var d = reader.ReadInt();
        var userFactors = reader.ReadModelArray<float>();
        var itemFactors = reader.ReadModelArray<float>();
        if (d <= 0 || interactions.Rows != users.Count || interactions.Columns != items.Count
            || userFactors.Length != (long)users.Count * d || itemFactors.Length != (long)items.Count * d)
            throw new ModelFormatException($"model file is corrupt: factor arrays ({userFactors.Length}, {itemFactors.Length} floats) do not match {users.Count} users x {items.Count} items x {d} factors.");
        return new FactorPayload(users, items, interactions, d, userFactors, itemFactors);
    }

    private int CheckUser(int user)
    {
        if ((uint)user >= (uint)Users.Count) throw new ArgumentOutOfRangeException(nameof(user), user, $"user index must be in [0, {Users.Count}).");
        return user;
    }

    private int CheckItem(int item)
    {
        if ((uint)item >= (uint)Items.Count) throw new ArgumentOutOfRangeException(nameof(item), item, $"item index must be in [0, {Items.Count}).");
        return item;
    }

    private static float[] RowNorms(ModelArray<float> factors, int rows, int d)
    {
        using var lease = factors.Lease();
        var norms = new float[rows];
        for (var r = 0; r < rows; r++) norms[r] = System.Numerics.Tensors.TensorPrimitives.Norm(factors.Slice((long)r * d, d));
        return norms;
    }
}

/// <summary>The common part of a factor model file.</summary>
public sealed record FactorPayload(IdMap Users, IdMap Items, CsrMatrix Interactions, int Dimensions, ModelArray<float> UserFactors, ModelArray<float> ItemFactors);
