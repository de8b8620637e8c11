using Encore.Core.Errors;
using Encore.Core.Ids;
using Encore.Core.Ranking;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Files;

namespace Encore.Models.Ease;

/// <summary>
/// Fitted EASE: score(u, i) = sum over the user's items j of value(u, j) * B[j][i] (zero diagonal). B is dense
/// (items x items floats, or k x k over the modelled items with <see cref="EaseOptions.MinimumUsers"/>; the other items
/// have zero weights) or, for sparse EASE, each row's top-N weights as a CSR matrix. A dense B loaded with
/// <see cref="ModelLoader.Load(string)"/> is read from a memory mapping of the file (pages shared between processes,
/// not private memory); <see cref="Dispose"/> releases it, and the finaliser does when the model is unreachable.
/// </summary>
public sealed class EaseModel : RecommenderBase, IHistoryRecommender, IExplainer, ISimilarItems, IDisposable
{
    public const string Name = "ease";

    private readonly ModelArray<float> _weights;
    private readonly CsrMatrix? _sparse;

    // Dense EASE over a subset (MinimumUsers > 1): the model item ids of B's rows and columns (ascending) and each item's
    // row of B (-1 = left out). Null when B covers every item.
    private readonly int[]? _modelled;
    private readonly int[]? _rowOf;

    internal EaseModel(IdMap users, IdMap items, CsrMatrix interactions, ModelArray<float> weights, double lambda, int[]? modelled = null)
        : base(users, items, interactions)
    {
        _weights = weights;
        Lambda = lambda;
        if (modelled is null) return;
        _modelled = modelled;
        _rowOf = ItemSupport.ColumnOf(modelled, items.Count);
    }

    internal EaseModel(IdMap users, IdMap items, CsrMatrix interactions, CsrMatrix sparse, double lambda)
        : base(users, items, interactions)
    {
        _sparse = sparse;
        Lambda = lambda;
    }

    public override string ModelName => Name;

    /// <inheritdoc/>
    protected override bool ZeroMeansNoEvidence => true;

    public double Lambda { get; }

    /// <summary>True when the model keeps only each item's top-N weights.</summary>
    public bool IsSparse => _sparse is not null;

    /// <summary>Number of weights held (n^2 dense, k^2 dense over k modelled items, at most n N sparse).</summary>
    public long WeightCount => _sparse?.NonZeros ?? _weights.Length;

    /// <value>True when the dense weights are read from a memory-mapped model file.</value>
    public bool IsMapped => _weights.IsMapped;

    /// <summary>Releases the mapping of the dense weights (deferred while a request is using it); later calls that need the weights throw <see cref="ObjectDisposedException"/>. No-op for an in-memory model.</summary>
    public void Dispose() => _weights.Mapping?.Dispose();

    /// <summary>Row j of B as a dense vector: how much item j in a history adds to every item's score.</summary>
    public float[] WeightsOf(int item)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items.Count, nameof(item));
        var row = new float[Items.Count];
        Accumulate([item], [1f], row);
        return row;
    }

    protected override void ScoreAll(int user, Span<float> scores)
    {
        scores.Clear();
        if ((uint)user < (uint)Signal.Rows) Accumulate(Signal.RowIndices(user), Signal.RowValues(user), scores);
    }

    public (int[] Items, float[] Scores) RecommendFromHistory(ReadOnlySpan<int> items, ReadOnlySpan<float> values, int k, RecommendOptions? options = null)
    {
        options ??= RecommendOptions.Default;
        Neighbourhood.HistoryChecks.Validate(items, values, Items.Count);
        var scores = new float[Items.Count];
        Accumulate(items, values, scores);
        MaskNoEvidence(scores);
        RankingFilter.ApplyHistory(scores, items, options);
        return RankingFilter.Select(scores, options.Allow, k);
    }

    /// <summary>The items whose weight in row <paramref name="item"/> of B is largest (what a listener of it is steered to).</summary>
    public (int[] Items, float[] Scores) SimilarItems(int item, int k)
    {
        var row = WeightsOf(item);
        row[item] = float.NegativeInfinity;
        var heap = new TopKSelector(Math.Min(k, Items.Count));
        for (var i = 0; i < row.Length; i++)
            if (row[i] > 0) heap.Offer(i, row[i]);
        var ids = new int[heap.Count];
        var scores = new float[heap.Count];
        heap.Drain(ids, scores);
        return (ids, scores);
    }

    public (int[] Items, float[] Contributions) Explain(int user, int item, int n)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items.Count, nameof(item));
        if ((uint)user >= (uint)Signal.Rows) return ([], []);
        var history = Signal.RowIndices(user);
        var values = Signal.RowValues(user);
        var heap = new TopKSelector(Math.Min(n, history.Length));
        for (var p = 0; p < history.Length; p++)
        {
            var contribution = values[p] * Weight(history[p], item);
            if (contribution != 0) heap.Offer(history[p], contribution);
        }
        var ids = new int[heap.Count];
        var scores = new float[heap.Count];
        heap.Drain(ids, scores);
        return (ids, scores);
    }

    // Width of the dense B: n, or k when only the modelled items have weights.
    private int Width => _modelled?.Length ?? Items.Count;

    private int RowOf(int item) => _rowOf is null ? item : _rowOf[item];

    private float Weight(int from, int to)
    {
        if (_sparse is { } s) return s.Get(from, to);
        int row = RowOf(from), column = RowOf(to);
        if (row < 0 || column < 0) return 0f;
        using var lease = _weights.Lease();
        return _weights.Slice((long)row * Width + column, 1)[0];
    }

    // scores (length n, all zero on entry) += sum over p of values[p] * row items[p] of B.
    private void Accumulate(ReadOnlySpan<int> items, ReadOnlySpan<float> values, Span<float> scores)
    {
        if (_sparse is { } s)
        {
            for (var p = 0; p < items.Length; p++)
            {
                var columns = s.RowIndices(items[p]);
                var weights = s.RowValues(items[p]);
                for (var q = 0; q < columns.Length; q++) scores[columns[q]] += values[p] * weights[q];
            }
            return;
        }
        var width = Width;
        var compact = scores[..width];
        using (_weights.Lease())
        {
            for (var p = 0; p < items.Length; p++)
            {
                var row = RowOf(items[p]);
                if (row >= 0) System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(_weights.Slice((long)row * width, width), values[p], compact, compact);
            }
        }
        if (_modelled is { } modelled) Spread(scores, modelled);
    }

    // In place: scores[0..k) (over the modelled items) -> scores[modelled[q]]. modelled is ascending, so modelled[q] >= q and
    // walking q downwards never overwrites a compact entry not yet moved; the rest of scores is zero.
    private static void Spread(Span<float> scores, int[] modelled)
    {
        for (var q = modelled.Length - 1; q >= 0; q--)
        {
            var value = scores[q];
            scores[q] = 0f;
            scores[modelled[q]] = value;
        }
    }

    // Layout: users, items, interactions, lambda, dense weights (empty when sparse), then the sparse CSR when sparse, or the
    // modelled item ids when a dense B covers only some items. Files written before sparse EASE end after the dense weights
    // and still read; a dense file without the modelled ids covers every item.
    public override void WritePayload(ModelWriter writer)
    {
        writer.WriteIdMap(Users);
        writer.WriteIdMap(Items);
        writer.WriteCsr(Interactions);
        writer.WriteDouble(Lambda);
        using var lease = _weights.Lease();
        writer.WriteArray<float>(_sparse is null ? _weights.Span : []);
        if (_sparse is { } s) writer.WriteCsr(s);
        else if (_modelled is { } modelled) writer.WriteArray<int>(modelled);
    }

    public static EaseModel Read(ModelReader reader)
    {
        var users = reader.ReadIdMap();
        var items = reader.ReadIdMap();
        var interactions = reader.ReadCsr();
        var lambda = reader.ReadDouble();
        var weights = reader.ReadModelArray<float>();
        if (weights.Length == 0 && items.Count > 0)
        {
            var sparse = reader.ReadCsr();
            if (sparse.Rows != items.Count || sparse.Columns != items.Count)
                throw new ModelFormatException($"EASE model: sparse weights are {sparse.Rows} x {sparse.Columns} for {items.Count} items.");
            return new EaseModel(users, items, interactions, sparse, lambda);
        }
        var modelled = reader.AtEnd ? null : reader.ReadArray<int>();
        var width = (long)(modelled?.Length ?? items.Count);
        if (weights.Length != width * width)
            throw new ModelFormatException($"EASE model: {weights.Length} weights for {width} modelled items (expected {width * width}).");
        if (modelled is not null)
            for (var r = 0; r < modelled.Length; r++)
                if ((uint)modelled[r] >= (uint)items.Count || (r > 0 && modelled[r] <= modelled[r - 1]))
                    throw new ModelFormatException($"EASE model: modelled item {r} is {modelled[r]}, not ascending within {items.Count} items.");
        return new EaseModel(users, items, interactions, weights, lambda, modelled);
    }
}
