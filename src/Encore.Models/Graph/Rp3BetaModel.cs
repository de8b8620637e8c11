using Encore.Core.Ids;
using Encore.Core.Ranking;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Files;
using Encore.Models.Neighbourhood;

namespace Encore.Models.Graph;

/// <summary>Fitted RP3beta: score(u, j) = sum over the user's items i of x_ui W[i][j], W the sparse top-K walk weights.</summary>
public sealed class Rp3BetaModel : RecommenderBase, IHistoryRecommender, ISimilarItems, IExplainer, IDataChoices
{
    public const string Name = "rp3beta";

    private readonly Rp3BetaOptions _options;

    internal Rp3BetaModel(IdMap users, IdMap items, CsrMatrix interactions, CsrMatrix weights, Rp3BetaOptions options)
        : base(users, items, interactions)
    {
        Weights = weights;
        _options = options;
    }

    public override string ModelName => Name;

    /// <summary>A walk score of 0 means no path from the user's history: no evidence, never a recommendation.</summary>
    protected override bool ZeroMeansNoEvidence => true;

    /// <summary>Item x item walk weights (row i = where a walk from i arrives, popularity-penalised, top-K).</summary>
    public CsrMatrix Weights { get; }

    public double Alpha => _options.Alpha;

    public double Beta => _options.Beta;

    /// <summary>Beta when the trainer chose it from the training matrix (<see cref="Rp3BetaBetaSelection"/>); not saved in model files.</summary>
    public IReadOnlyList<DataChoice> DataChoices { get; init; } = [];

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
        if (_options.BinaryInput)
        {
            var ones = new float[values.Length];
            ones.AsSpan().Fill(1f);
            Accumulate(items, ones, scores);
        }
        else Accumulate(items, values, scores);
        MaskNoEvidence(scores);
        RankingFilter.ApplyHistory(scores, items, options);
        return RankingFilter.Select(scores, options.Allow, k);
    }

    public (int[] Items, float[] Scores) SimilarItems(int item, int k)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items.Count, nameof(item));
        return HistoryChecks.TopOfRow(Weights.RowIndices(item), Weights.RowValues(item), k);
    }

    public (int[] Items, float[] Contributions) Explain(int user, int item, int n)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items.Count, nameof(item));
        return ItemWeightScoring.Explain(Weights, Signal, user, item, n);
    }

    private void Accumulate(ReadOnlySpan<int> items, ReadOnlySpan<float> values, Span<float> scores) =>
        ItemWeightScoring.Accumulate(Weights, items, values, scores);

    public override void WritePayload(ModelWriter writer)
    {
        writer.WriteIdMap(Users);
        writer.WriteIdMap(Items);
        writer.WriteCsr(Interactions);
        writer.WriteDouble(_options.Alpha);
        writer.WriteDouble(_options.Beta);
        writer.WriteInt(_options.Neighbours);
        writer.WriteBool(_options.BinaryInput);
        writer.WriteBool(_options.NormalizeRows);
        writer.WriteCsr(Weights);
    }

    public static Rp3BetaModel Read(ModelReader reader)
    {
        var users = reader.ReadIdMap();
        var items = reader.ReadIdMap();
        var interactions = reader.ReadCsr();
        var options = new Rp3BetaOptions
        {
            Alpha = reader.ReadDouble(),
            Beta = reader.ReadDouble(),
            Neighbours = reader.ReadInt(),
            BinaryInput = reader.ReadBool(),
            NormalizeRows = reader.ReadBool(),
        };
        var weights = reader.ReadCsr();
        if (weights.Rows != items.Count || weights.Columns != items.Count)
            throw new Core.Errors.ModelFormatException($"RP3beta model: weights are {weights.Rows} x {weights.Columns} for {items.Count} items.");
        return new Rp3BetaModel(users, items, interactions, weights, options);
    }
}
