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
                    ScoreAll(user, scratch.Scores);
                    RankingFilter.Apply(scratch.Scores, user, seen, options);
                    RankingFilter.SelectInto(scratch.Scores, options.Allow, scratch.Heap, batch, i);
                }
            }, cancellationToken);
        return batch;
    }

    public abstract void WritePayload(Files.ModelWriter writer);
}
