using Encore.Core.Errors;
using Encore.Models.Contract;
using Encore.Models.Factorization.Lmf;
using Encore.Models.Files;

namespace Encore.Models.Playlists;

/// <summary>
/// SPEC S5's combined model: the baseline's pool (the tracks of the playlists most similar to the seed set by Dice,
/// <see cref="PlaylistKnnModel"/>) re-scored by the embedding model (<see cref="LmfModel"/>, logistic matrix
/// factorisation with sampled negatives; Johnson 2014). Every pooled track ranks above every other track, the pool
/// ordered by its embedding logit; the other tracks follow in embedding order when
/// <see cref="FillWithEmbedding"/>, else are left out. A score is the logit, raised for pooled tracks by one shift per
/// request (the gap between the largest logit and the smallest pooled one, plus 1): only the ranking is meaningful.
/// Immutable and thread-safe.
/// </summary>
public sealed class PlaylistCombinedModel : RecommenderBase, IHistoryRecommender
{
    /// <summary>Model kind in files.</summary>
    public const string Name = "playlist-combined";

    /// <param name="pool">The Dice pool (same playlists and tracks as <paramref name="embedding"/>).</param>
    /// <param name="embedding">The embedding model that orders the pool.</param>
    /// <param name="fillWithEmbedding">Rank tracks outside the pool below it (true) or leave them out.</param>
    /// <exception cref="ArgumentException">The two parts differ in size.</exception>
    public PlaylistCombinedModel(PlaylistKnnModel pool, LmfModel embedding, bool fillWithEmbedding)
        : base((pool ?? throw new ArgumentNullException(nameof(pool))).Users, pool.Items, pool.Interactions)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        if (embedding.Users.Count != pool.Users.Count || embedding.Items.Count != pool.Items.Count)
            throw new ArgumentException($"playlist-combined: the pool has {pool.Users.Count} x {pool.Items.Count} playlists x tracks, the embedding {embedding.Users.Count} x {embedding.Items.Count}.", nameof(embedding));
        Pool = pool;
        Embedding = embedding;
        FillWithEmbedding = fillWithEmbedding;
    }

    public override string ModelName => Name;

    /// <value>The Dice pool (playlist-kNN).</value>
    public PlaylistKnnModel Pool { get; }

    /// <value>The embedding model (LMF).</value>
    public LmfModel Embedding { get; }

    /// <value>True when tracks outside the pool follow it in embedding order.</value>
    public bool FillWithEmbedding { get; }

    /// <value>Playlists pooled per request.</value>
    public int Neighbours => Pool.Neighbours;

    protected override void ScoreAll(int user, Span<float> scores)
    {
        Embedding.ScoreVector(Embedding.UserVector(user), scores);
        var seeds = (uint)user < (uint)Signal.Rows ? Signal.RowIndices(user) : [];
        Raise(Pool.SimilarPlaylists(seeds, user, Neighbours).Playlists, scores);
    }

    /// <summary>
    /// Fold-in for a playlist the model never saw: the pool from the seed tracks' Dice neighbours, the logits from the
    /// embedding's fold-in user vector (<see cref="Factorization.FactorModel.FoldIn"/>, biases left out).
    /// </summary>
    /// <exception cref="ArgumentException">Items and values differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A seed track is outside the model's tracks.</exception>
    public (int[] Items, float[] Scores) RecommendFromHistory(ReadOnlySpan<int> items, ReadOnlySpan<float> values, int k, RecommendOptions? options = null)
    {
        options ??= RecommendOptions.Default;
        var user = Embedding.FoldIn(items, values);
        var scores = new float[Items.Count];
        Embedding.ScoreVector(user, scores);
        var distinct = items.ToArray().Distinct().ToArray();
        Raise(Pool.SimilarPlaylists(distinct, -1, Neighbours).Playlists, scores);
        MaskNoEvidence(scores);
        RankingFilter.ApplyHistory(scores, items, options);
        return RankingFilter.Select(scores, options.Allow, k);
    }

    /// <summary>Lifts the pooled tracks above every other track (or masks the others), keeping logit order within each tier.</summary>
    private void Raise(ReadOnlySpan<int> playlists, Span<float> scores)
    {
        var pooled = new bool[scores.Length];
        foreach (var p in playlists)
            foreach (var t in Signal.RowIndices(p)) pooled[t] = true;
        float max = float.NegativeInfinity, minPooled = float.PositiveInfinity;
        for (var t = 0; t < scores.Length; t++)
        {
            if (!float.IsFinite(scores[t])) continue;
            max = Math.Max(max, scores[t]);
            if (pooled[t]) minPooled = Math.Min(minPooled, scores[t]);
        }
        var shift = float.IsFinite(minPooled) ? Math.Max(0f, max - minPooled) + 1f : 0f;
        for (var t = 0; t < scores.Length; t++)
        {
            if (pooled[t]) scores[t] += shift;
            else if (!FillWithEmbedding) scores[t] = float.NaN;
        }
    }

    public override void WritePayload(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBool(FillWithEmbedding);
        Pool.WritePayload(writer);
        Embedding.WritePayload(writer);
    }

    /// <exception cref="ModelFormatException">The two parts differ in size.</exception>
    public static PlaylistCombinedModel Read(ModelReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var fill = reader.ReadBool();
        var pool = PlaylistKnnModel.Read(reader);
        var embedding = LmfModel.Read(reader);
        if (embedding.Users.Count != pool.Users.Count || embedding.Items.Count != pool.Items.Count)
            throw new ModelFormatException($"playlist-combined: model file is corrupt: the pool has {pool.Users.Count} x {pool.Items.Count} playlists x tracks, the embedding {embedding.Users.Count} x {embedding.Items.Count}.");
        return new PlaylistCombinedModel(pool, embedding, fill);
    }
}
