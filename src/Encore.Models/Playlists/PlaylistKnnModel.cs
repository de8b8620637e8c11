using Encore.Core.Ids;
using Encore.Core.Ranking;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Files;

namespace Encore.Models.Playlists;

/// <summary>
/// SPEC S5 playlist continuation: rows are playlists (track sets; values ignored). For a seed set, Dice
/// similarity 2|a ∩ b| / (|a| + |b|) to every playlist, pool the tracks of the N most similar, score each
/// track by the summed similarity of the playlists that hold it. Seeds are dropped by the usual filter.
/// </summary>
public sealed class PlaylistKnnModel : RecommenderBase, IHistoryRecommender
{
    public const string Name = "playlist-knn";

    private readonly CsrMatrix _playlistsByTrack;
    private readonly float[] _fill;

    internal PlaylistKnnModel(IdMap playlists, IdMap tracks, CsrMatrix interactions, PlaylistKnnOptions options)
        : base(playlists, tracks, interactions)
    {
        Neighbours = options.Neighbours;
        FillWithPopular = options.FillWithPopular;
        _playlistsByTrack = Signal.Transpose();
        _fill = new float[tracks.Count];
        // Fill scores lie in [-1, 0): always below any pooled track (> 0), ordered by playlist count.
        var max = 0;
        for (var t = 0; t < _fill.Length; t++) max = Math.Max(max, _playlistsByTrack.RowLength(t));
        for (var t = 0; t < _fill.Length; t++) _fill[t] = options.FillWithPopular ? -1f + _playlistsByTrack.RowLength(t) / (max + 1f) : float.NaN;
    }

    public override string ModelName => Name;

    public int Neighbours { get; }

    public bool FillWithPopular { get; }

    protected override void ScoreAll(int user, Span<float> scores)
    {
        if ((uint)user < (uint)Signal.Rows) ScoreSeeds(Signal.RowIndices(user), user, scores);
        else ScoreSeeds([], -1, scores);
    }

    public (int[] Items, float[] Scores) RecommendFromHistory(ReadOnlySpan<int> items, ReadOnlySpan<float> values, int k, RecommendOptions? options = null)
    {
        options ??= RecommendOptions.Default;
        if (items.Length != values.Length)
            throw new ArgumentException($"Seed list has {items.Length} tracks but {values.Length} values; give one value per track.", nameof(values));
        foreach (var t in items)
            if ((uint)t >= (uint)Items.Count) throw new ArgumentOutOfRangeException(nameof(items), t, $"Seed track {t} is outside the model's {Items.Count} tracks.");
        var distinct = items.ToArray();
        Array.Sort(distinct);
        var n = distinct.Length == 0 ? 0 : 1;
        for (var i = 1; i < distinct.Length; i++) if (distinct[i] != distinct[n - 1]) distinct[n++] = distinct[i];
        var scores = new float[Items.Count];
        ScoreSeeds(distinct.AsSpan(0, n), -1, scores);
        RankingFilter.ApplyHistory(scores, items, options);
        return RankingFilter.Select(scores, options.Allow, k);
    }

    /// <summary>The playlists most similar to a set of distinct seed tracks by Dice similarity (best first), excluding <paramref name="self"/>.</summary>
    public (int[] Playlists, float[] Similarities) SimilarPlaylists(ReadOnlySpan<int> seeds, int self, int n)
    {
        var overlap = new int[Signal.Rows];
        var touched = new List<int>();
        foreach (var t in seeds)
            foreach (var p in _playlistsByTrack.RowIndices(t))
                if (overlap[p]++ == 0) touched.Add(p);
        var heap = new TopKSelector(Math.Min(n, touched.Count));
        foreach (var p in touched)
            if (p != self) heap.Offer(p, 2f * overlap[p] / (seeds.Length + Signal.RowLength(p)));
        var ids = new int[heap.Count];
        var sims = new float[heap.Count];
        heap.Drain(ids, sims);
        return (ids, sims);
    }

    private void ScoreSeeds(ReadOnlySpan<int> seeds, int self, Span<float> scores)
    {
        _fill.CopyTo(scores);
        var (playlists, sims) = SimilarPlaylists(seeds, self, Neighbours);
        for (var i = 0; i < playlists.Length; i++)
            foreach (var t in Signal.RowIndices(playlists[i]))
                scores[t] = (scores[t] > 0 ? scores[t] : 0) + sims[i];
    }

    public override void WritePayload(ModelWriter writer)
    {
        writer.WriteIdMap(Users);
        writer.WriteIdMap(Items);
        writer.WriteCsr(Interactions);
        writer.WriteInt(Neighbours);
        writer.WriteBool(FillWithPopular);
    }

    public static PlaylistKnnModel Read(ModelReader reader)
    {
        var playlists = reader.ReadIdMap();
        var tracks = reader.ReadIdMap();
        var interactions = reader.ReadCsr();
        var options = new PlaylistKnnOptions { Neighbours = reader.ReadInt(), FillWithPopular = reader.ReadBool() };
        return new PlaylistKnnModel(playlists, tracks, interactions, options);
    }
}
