using Encore.Core.Ids;
using Encore.Core.Ranking;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Files;

namespace Encore.Models.Neighbourhood;

/// <summary>
/// Fitted user-kNN: score(u, i) = sum over u's top-K neighbours v of sim(u, v) * value(v, i). A new user's
/// history is weighted like a training row and compared with every training user at request time.
/// </summary>
public sealed class UserKnnModel : RecommenderBase, IHistoryRecommender, ISimilarUsers
{
    public const string Name = "user-knn";

    private readonly KnnOptions _options;
    private readonly Lazy<HistoryIndex> _historyIndex;

    internal UserKnnModel(IdMap users, IdMap items, CsrMatrix interactions, CsrMatrix neighbours, KnnOptions options)
        : base(users, items, interactions)
    {
        Neighbours = neighbours;
        _options = options;
        _historyIndex = new Lazy<HistoryIndex>(() => new HistoryIndex(Signal, _options));
    }

    public override string ModelName => Name;

    /// <inheritdoc/>
    protected override bool ZeroMeansNoEvidence => true;

    /// <summary>User x user top-K similarities (row u = neighbours of user u).</summary>
    public CsrMatrix Neighbours { get; }

    protected override void ScoreAll(int user, Span<float> scores)
    {
        scores.Clear();
        if ((uint)user < (uint)Neighbours.Rows) Accumulate(Neighbours.RowIndices(user), Neighbours.RowValues(user), scores);
    }

    public (int[] Items, float[] Scores) RecommendFromHistory(ReadOnlySpan<int> items, ReadOnlySpan<float> values, int k, RecommendOptions? options = null)
    {
        options ??= RecommendOptions.Default;
        HistoryChecks.Validate(items, values, Items.Count);
        var (neighbours, sims) = _historyIndex.Value.Neighbours(items, BinaryInput.Apply(values, _options), _options.Neighbours, _options.Shrink);
        var scores = new float[Items.Count];
        Accumulate(neighbours, sims, scores);
        MaskNoEvidence(scores);
        RankingFilter.ApplyHistory(scores, items, options);
        return RankingFilter.Select(scores, options.Allow, k);
    }

    public (int[] Users, float[] Scores) SimilarUsers(int user, int k)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)user, (uint)Users.Count, nameof(user));
        return HistoryChecks.TopOfRow(Neighbours.RowIndices(user), Neighbours.RowValues(user), k);
    }

    private void Accumulate(ReadOnlySpan<int> neighbours, ReadOnlySpan<float> sims, Span<float> scores)
    {
        for (var p = 0; p < neighbours.Length; p++)
        {
            var s = sims[p];
            var items = Signal.RowIndices(neighbours[p]);
            var values = Signal.RowValues(neighbours[p]);
            for (var q = 0; q < items.Length; q++) scores[items[q]] += s * values[q];
        }
    }

    public override void WritePayload(ModelWriter writer)
    {
        writer.WriteIdMap(Users);
        writer.WriteIdMap(Items);
        writer.WriteCsr(Interactions);
        writer.WriteInt((int)_options.Similarity);
        writer.WriteInt(_options.Neighbours);
        writer.WriteFloat(_options.Shrink);
        writer.WriteFloat(_options.Bm25K1);
        writer.WriteFloat(_options.Bm25B);
        writer.WriteBool(_options.BinaryInput);
        writer.WriteCsr(Neighbours);
    }

    public static UserKnnModel Read(ModelReader reader)
    {
        var users = reader.ReadIdMap();
        var items = reader.ReadIdMap();
        var interactions = reader.ReadCsr();
        var options = new UserKnnOptions
        {
            Similarity = (SimilarityKind)reader.ReadInt(),
            Neighbours = reader.ReadInt(),
            Shrink = reader.ReadFloat(),
            Bm25K1 = reader.ReadFloat(),
            Bm25B = reader.ReadFloat(),
            BinaryInput = reader.ReadBool(),
        };
        return new UserKnnModel(users, items, interactions, reader.ReadCsr(), options);
    }

    /// <summary>Weighted training rows by item plus user norms: built on first request-time use only.</summary>
    private sealed class HistoryIndex
    {
        private readonly TermWeighting _weighting;
        private readonly CsrMatrix _usersByItem;
        private readonly float[] _norms;

        public HistoryIndex(CsrMatrix interactions, KnnOptions options)
        {
            _weighting = TermWeighting.Fit(interactions, options);
            var weighted = _weighting.WeightMatrix(interactions);
            _usersByItem = weighted.Transpose();
            _norms = new float[weighted.Rows];
            for (var u = 0; u < weighted.Rows; u++)
                _norms[u] = System.Numerics.Tensors.TensorPrimitives.Norm(weighted.RowValues(u));
        }

        public (int[] Users, float[] Sims) Neighbours(ReadOnlySpan<int> items, ReadOnlySpan<float> values, int k, float shrink)
        {
            var weighted = new float[items.Length];
            _weighting.WeightRow(items, values, weighted);
            var norm = System.Numerics.Tensors.TensorPrimitives.Norm(weighted);
            var dots = new float[_norms.Length];
            for (var p = 0; p < items.Length; p++)
            {
                var users = _usersByItem.RowIndices(items[p]);
                var userValues = _usersByItem.RowValues(items[p]);
                for (var q = 0; q < users.Length; q++) dots[users[q]] += weighted[p] * userValues[q];
            }
            var heap = new TopKSelector(Math.Min(k, dots.Length));
            for (var u = 0; u < dots.Length; u++)
            {
                var denominator = norm * _norms[u] + shrink;
                if (dots[u] != 0 && denominator > 0) heap.Offer(u, dots[u] / denominator);
            }
            var ids = new int[heap.Count];
            var sims = new float[heap.Count];
            heap.Drain(ids, sims);
            return (ids, sims);
        }
    }
}
