using Encore.Core.Ids;
using Encore.Core.Parallelism;
using Encore.Core.Ranking;
using Encore.Core.Sparse;

namespace Encore.Models.Contract;

/// <summary>
/// Shared batch recommend loop for models that can score every item for a user: users are split across
/// workers, each with its own score buffer and top-k heap (allocated once per worker), filters applied by
/// masking scores. Subclasses implement <see cref="ScoreAll"/>; factor models may override
/// <see cref="Recommend"/> with a blocked kernel.
/// </summary>
public abstract class RecommenderBase : IRecommender
{
    protected RecommenderBase(IdMap users, IdMap items, CsrMatrix interactions)
    {
        Users = users;
        Items = items;
        Interactions = interactions;
    }

    public abstract string ModelName { get; }

    public IdMap Users { get; }

    public IdMap Items { get; }

    /// <summary>The training matrix (users x items): used to exclude seen items and saved with the model.</summary>
    public CsrMatrix Interactions { get; }

    /// <summary>
    /// The positive part of <see cref="Interactions"/>: what the model learned from and scores with. Users and
    /// items without a stored positive entry have "no signal" (docs/cold-start.md).
    /// </summary>
    public CsrMatrix Signal => _signal ??= Interactions.PositivePart();

    private CsrMatrix? _signal;
    private bool[]? _noSignalItems;
    private bool _noSignalItemsKnown;

    /// <summary>True when <paramref name="user"/> (dense index) has at least one positive entry in training.</summary>
    public bool HasSignal(int user) => (uint)user < (uint)Signal.Rows && Signal.RowLength(user) > 0;

    /// <summary>True when <paramref name="item"/> (dense index) has at least one positive entry in training.</summary>
    public bool ItemHasSignal(int item) => (uint)item < (uint)Items.Count && (NoSignalItems is not { } none || !none[item]);

    /// <summary>
    /// Mask of items without any positive entry in training (true = no signal), or null when every item has one.
    /// No model recommends such an item or offers it as a neighbour: it has no evidence behind it.
    /// </summary>
    public bool[]? NoSignalItems
    {
        get
        {
            if (_noSignalItemsKnown) return _noSignalItems;
            var has = new bool[Items.Count];
            foreach (var c in Signal.ColumnIndices) has[c] = true;
            bool[]? none = null;
            for (var i = 0; i < has.Length; i++)
                if (!has[i]) (none ??= new bool[has.Length])[i] = true;
            _noSignalItems = none;
            _noSignalItemsKnown = true;
            return none;
        }
    }

    /// <summary>
    /// True for models whose score 0 means "no evidence" (neighbourhood models, EASE, popularity): such
    /// scores are masked and never returned as recommendations.
    /// </summary>
    protected virtual bool ZeroMeansNoEvidence => false;

    /// <summary>Masks (NaN) items without signal and, when <see cref="ZeroMeansNoEvidence"/>, scores of exactly 0.</summary>
    protected void MaskNoEvidence(Span<float> scores)
    {
        if (NoSignalItems is { } none)
            for (var i = 0; i < scores.Length && i < none.Length; i++)
                if (none[i]) scores[i] = float.NaN;
        if (ZeroMeansNoEvidence)
            for (var i = 0; i < scores.Length; i++)
                if (scores[i] == 0f) scores[i] = float.NaN;
    }

    /// <summary>Threads used by batch calls (0 = all cores).</summary>
    public int Threads { get; init; }

    /// <summary>Writes a score for every item into <paramref name="scores"/> (length = item count).</summary>
    protected abstract void ScoreAll(int user, Span<float> scores);

    public virtual void Score(int user, ReadOnlySpan<int> items, Span<float> scores)
    {
        var all = new float[Items.Count];
        ScoreAll(user, all);
        for (var i = 0; i < items.Length; i++) scores[i] = all[items[i]];
    }

    public virtual RecommendationBatch Recommend(ReadOnlySpan<int> users, int k, RecommendOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        options ??= RecommendOptions.Default;
        var batch = new RecommendationBatch(users.Length, Math.Min(k, Items.Count));
        var userArray = users.ToArray();
        var seen = options.SeenItems ?? Interactions;
        ParallelLoop.For(userArray.Length, Threads,
            _ => (Scores: new float[Items.Count], Heap: new TopKSelector(batch.K)),
            (start, end, scratch) =>
            {
                for (var i = start; i < end; i++)
                {
                    var user = userArray[i];
                    if (!HasSignal(user))
                    {
                        batch.Counts[i] = 0; // no positive signal: nothing to say; the cold-start chain answers
                        continue;
                    }
                    ScoreAll(user, scratch.Scores);
                    SelectInto(scratch.Scores, user, seen, options, scratch.Heap, batch, i);
                }
            }, cancellationToken);
        return batch;
    }

    /// <summary>
    /// What a user's scores (one per item, overwritten) become in a batch answer: items without evidence masked
    /// (<see cref="MaskNoEvidence"/>), then the seen / excluded filters of <paramref name="options"/>, then the top k into
    /// row <paramref name="row"/> of <paramref name="batch"/>.
    /// </summary>
    protected void SelectInto(Span<float> scores, int user, CsrMatrix? seen, RecommendOptions options, TopKSelector heap, RecommendationBatch batch, int row)
    {
        MaskNoEvidence(scores);
        RankingFilter.Apply(scores, user, seen, options);
        RankingFilter.SelectInto(scores, options.Allow, heap, batch, row);
    }

    public abstract void WritePayload(Files.ModelWriter writer);
}
