using Encore.Core.Errors;
using Encore.Core.Ids;
using Encore.Core.Ranking;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Files;

namespace Encore.Models.Ease;

/// <summary>Fitted EASE: score(u, i) = sum over the user's items j of value(u, j) * B[j][i] (B dense, zero diagonal).</summary>
public sealed class EaseModel : RecommenderBase, IHistoryRecommender, IExplainer
{
    public const string Name = "ease";

    private readonly float[] _weights;

    internal EaseModel(IdMap users, IdMap items, CsrMatrix interactions, float[] weights, double lambda)
        : base(users, items, interactions)
    {
        _weights = weights;
        Lambda = lambda;
    }

    public override string ModelName => Name;

    /// <inheritdoc/>
    protected override bool ZeroMeansNoEvidence => true;

    public double Lambda { get; }

    /// <summary>Row j of B: how much item j in a history adds to every item's score.</summary>
    public ReadOnlySpan<float> WeightsOf(int item) => _weights.AsSpan(item * Items.Count, Items.Count);

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

    public (int[] Items, float[] Contributions) Explain(int user, int item, int n)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items.Count, nameof(item));
        if ((uint)user >= (uint)Signal.Rows) return ([], []);
        var history = Signal.RowIndices(user);
        var values = Signal.RowValues(user);
        var heap = new TopKSelector(Math.Min(n, history.Length));
        for (var p = 0; p < history.Length; p++)
        {
            var contribution = values[p] * _weights[history[p] * Items.Count + item];
            if (contribution != 0) heap.Offer(history[p], contribution);
        }
        var ids = new int[heap.Count];
        var scores = new float[heap.Count];
        heap.Drain(ids, scores);
        return (ids, scores);
    }

    private void Accumulate(ReadOnlySpan<int> items, ReadOnlySpan<float> values, Span<float> scores)
    {
        for (var p = 0; p < items.Length; p++)
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(WeightsOf(items[p]), values[p], scores, scores);
    }

    public override void WritePayload(ModelWriter writer)
    {
        writer.WriteIdMap(Users);
        writer.WriteIdMap(Items);
        writer.WriteCsr(Interactions);
        writer.WriteDouble(Lambda);
        writer.WriteArray<float>(_weights);
    }

    public static EaseModel Read(ModelReader reader)
    {
        var users = reader.ReadIdMap();
        var items = reader.ReadIdMap();
        var interactions = reader.ReadCsr();
        var lambda = reader.ReadDouble();
        var weights = reader.ReadArray<float>();
        if (weights.Length != (long)items.Count * items.Count)
            throw new ModelFormatException($"EASE model: {weights.Length} weights for {items.Count} items (expected {(long)items.Count * items.Count}).");
        return new EaseModel(users, items, interactions, weights, lambda);
    }
}
