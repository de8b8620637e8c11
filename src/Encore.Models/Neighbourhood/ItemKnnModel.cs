using Encore.Core.Ids;
using Encore.Core.Ranking;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Files;

namespace Encore.Models.Neighbourhood;

/// <summary>
/// Fitted item-kNN: score(user, i) = sum over the user's items j of value(u, j) * sim(j, i), where
/// sim(j, .) is item j's sparse top-K neighbour row.
/// </summary>
public sealed class ItemKnnModel : RecommenderBase, IHistoryRecommender, ISimilarItems, IExplainer
{
    public const string Name = "item-knn";

    internal ItemKnnModel(IdMap users, IdMap items, CsrMatrix interactions, CsrMatrix similarities, KnnOptions options)
        : base(users, items, interactions)
    {
        Similarities = similarities;
        Similarity = options.Similarity;
        Neighbours = options.Neighbours;
        Shrink = options.Shrink;
        _options = options;
    }

    private readonly KnnOptions _options;

    public override string ModelName => Name;

    /// <inheritdoc/>
    protected override bool ZeroMeansNoEvidence => true;

    /// <summary>Item x item top-K similarities (row j = neighbours of item j).</summary>
    public CsrMatrix Similarities { get; }

    public SimilarityKind Similarity { get; }

    public int Neighbours { get; }

    public float Shrink { get; }

    protected override void ScoreAll(int user, Span<float> scores)
    {
        scores.Clear();
        if ((uint)user < (uint)Signal.Rows) Accumulate(Signal.RowIndices(user), Signal.RowValues(user), scores);
    }

    public (int[] Items, float[] Scores) RecommendFromHistory(ReadOnlySpan<int> items, ReadOnlySpan<float> values, int k, RecommendOptions? options = null)
    {
        options ??= RecommendOptions.Default;
        HistoryChecks.Validate(items, values, Items.Count);
        var scores = new float[Items.Count];
        Accumulate(items, BinaryInput.Apply(values, _options), scores);
        MaskNoEvidence(scores);
        RankingFilter.ApplyHistory(scores, items, options);
        return RankingFilter.Select(scores, options.Allow, k);
    }

    public (int[] Items, float[] Scores) SimilarItems(int item, int k)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items.Count, nameof(item));
        return HistoryChecks.TopOfRow(Similarities.RowIndices(item), Similarities.RowValues(item), k);
    }

    public (int[] Items, float[] Contributions) Explain(int user, int item, int n)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items.Count, nameof(item));
        return ItemWeightScoring.Explain(Similarities, Signal, user, item, n);
    }

    private void Accumulate(ReadOnlySpan<int> items, ReadOnlySpan<float> values, Span<float> scores) =>
        ItemWeightScoring.Accumulate(Similarities, items, values, scores);

    public override void WritePayload(ModelWriter writer)
    {
        writer.WriteIdMap(Users);
        writer.WriteIdMap(Items);
        writer.WriteCsr(Interactions);
        writer.WriteInt((int)Similarity);
        writer.WriteInt(Neighbours);
        writer.WriteFloat(Shrink);
        writer.WriteBool(_options.BinaryInput);
        writer.WriteCsr(Similarities);
    }

    public static ItemKnnModel Read(ModelReader reader)
    {
        var users = reader.ReadIdMap();
        var items = reader.ReadIdMap();
        var interactions = reader.ReadCsr();
        var options = new ItemKnnOptions { Similarity = (SimilarityKind)reader.ReadInt(), Neighbours = reader.ReadInt(), Shrink = reader.ReadFloat(), BinaryInput = reader.ReadBool() };
        return new ItemKnnModel(users, items, interactions, reader.ReadCsr(), options);
    }
}
