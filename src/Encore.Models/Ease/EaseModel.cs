using Encore.Core.Errors;
using Encore.Core.Ids;
using Encore.Core.Ranking;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Files;

namespace Encore.Models.Ease;

/// <summary>
/// Fitted EASE: score(u, i) = sum over the user's items j of value(u, j) * B[j][i] (zero diagonal). B is dense
/// (items x items floats) or, for sparse EASE, each row's top-N weights as a CSR matrix. A dense B loaded with
/// <see cref="ModelLoader.Load(string)"/> is read from a memory mapping of the file (pages shared between processes,
/// not private memory); <see cref="Dispose"/> releases it, and the finaliser does when the model is unreachable.
/// </summary>
public sealed class EaseModel : RecommenderBase, IHistoryRecommender, IExplainer, ISimilarItems, IDisposable
{
    public const string Name = "ease";

    private readonly ModelArray<float> _weights;
    private readonly CsrMatrix? _sparse;

    internal EaseModel(IdMap users, IdMap items, CsrMatrix interactions, ModelArray<float> weights, double lambda)
        : base(users, items, interactions)
    {
        _weights = weights;
        Lambda = lambda;
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

    /// <summary>Number of weights held (n^2 dense, at most n N sparse).</summary>
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
        AddRow(item, 1f, row);
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
        if (items.Length != values.Length)
            throw new ArgumentException($"History has {items.Length} items but {values.Length} values; give one value per item.", nameof(values));
        foreach (var item in items)
            if ((uint)item >= (uint)Items.Count) throw new ArgumentOutOfRangeException(nameof(items), item, $"History item {item} is outside the model's {Items.Count} items.");
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

    private float Weight(int from, int to)
    {
        if (_sparse is { } s) return s.Get(from, to);
        using var lease = _weights.Lease();
        return _weights.Slice((long)from * Items.Count + to, 1)[0];
    }

    private void Accumulate(ReadOnlySpan<int> items, ReadOnlySpan<float> values, Span<float> scores)
    {
        for (var p = 0; p < items.Length; p++) AddRow(items[p], values[p], scores);
    }

    private void AddRow(int item, float value, Span<float> scores)
    {
        if (_sparse is { } s)
        {
            var columns = s.RowIndices(item);
            var weights = s.RowValues(item);
            for (var q = 0; q < columns.Length; q++) scores[columns[q]] += value * weights[q];
            return;
        }
        using var lease = _weights.Lease();
        System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(_weights.Slice((long)item * Items.Count, Items.Count), value, scores, scores);
    }

    // Layout: users, items, interactions, lambda, dense weights (empty when sparse), then the sparse CSR when sparse.
    // Files written before sparse EASE end after the dense weights and still read.
    public override void WritePayload(ModelWriter writer)
    {
        writer.WriteIdMap(Users);
        writer.WriteIdMap(Items);
        writer.WriteCsr(Interactions);
        writer.WriteDouble(Lambda);
        using var lease = _weights.Lease();
        writer.WriteArray<float>(_sparse is null ? _weights.Span : []);
        if (_sparse is { } s) writer.WriteCsr(s);
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
        if (weights.Length != (long)items.Count * items.Count)
            throw new ModelFormatException($"EASE model: {weights.Length} weights for {items.Count} items (expected {(long)items.Count * items.Count}).");
        return new EaseModel(users, items, interactions, weights, lambda);
    }
}
