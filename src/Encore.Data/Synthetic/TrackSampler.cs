using Encore.Core.Randomness;

namespace Encore.Data.Synthetic;

/// <summary>
/// Draws the track a user plays. Genre first (the caller picks it from the planted mixture), then
/// <see cref="SyntheticWorldOptions.CandidatesPerDraw"/> candidates from the genre's alias table by
/// popularity^a, one of which is kept with probability proportional to exp(beta x affinity)
/// (sampling-importance-resampling): a fast approximation of drawing from the genre's tracks with weight
/// popularity^a x exp(beta x affinity). Immutable and shared by all workers.
/// </summary>
internal sealed class TrackSampler
{
    private readonly AliasTable[] _byGenre;
    private readonly AliasTable _global;
    private readonly SyntheticCatalogue _catalogue;
    private readonly SyntheticTastes _tastes;
    private readonly double _beta;
    private readonly int _candidates;

    public TrackSampler(SyntheticWorldOptions o, SyntheticCatalogue catalogue, SyntheticTastes tastes)
    {
        _catalogue = catalogue;
        _tastes = tastes;
        _beta = o.AffinityWeight;
        _candidates = o.CandidatesPerDraw;
        var weights = new double[catalogue.TrackCount];
        var all = new int[catalogue.TrackCount];
        for (var t = 0; t < weights.Length; t++)
        {
            weights[t] = Math.Pow(catalogue.TrackZipfWeights[t], o.PopularityExponent);
            all[t] = t;
        }
        _global = new AliasTable(all, weights);
        _byGenre = GenreTables(catalogue, weights, _global);
    }

    public int Dimension => _catalogue.Dimension;

    /// <summary>A track by popularity alone (exploration, playlist filler).</summary>
    public int DrawPopular(ref Rng rng) => _global.Sample(ref rng);

    /// <summary>One of the user's planted genres, by mixture weight.</summary>
    public int DrawGenre(int user, ref Rng rng)
    {
        var genres = _tastes.Genres[user];
        var start = _tastes.Genres.Offsets[user];
        var u = rng.NextFloat();
        for (var i = 0; i < genres.Length - 1; i++)
        {
            u -= _tastes.GenreWeights[start + i];
            if (u < 0) return genres[i];
        }
        return genres[^1];
    }

    /// <summary>A track of <paramref name="genre"/> resampled by the user's affinity; also returns that affinity.</summary>
    public int DrawInGenre(int genre, ReadOnlySpan<float> taste, ref Rng rng, out float affinity)
    {
        var table = _byGenre[genre];
        Span<int> tracks = stackalloc int[_candidates];
        Span<double> weights = stackalloc double[_candidates];
        Span<float> affinities = stackalloc float[_candidates];
        var total = 0.0;
        for (var i = 0; i < tracks.Length; i++)
        {
            var t = table.Sample(ref rng);
            tracks[i] = t;
            affinities[i] = LatentMath.Dot(taste, _catalogue.Track(t));
            total += weights[i] = Math.Exp(_beta * affinities[i]);
        }
        var pick = rng.NextDouble() * total;
        var chosen = tracks.Length - 1;
        for (var i = 0; i < tracks.Length - 1; i++)
        {
            pick -= weights[i];
            if (pick < 0) { chosen = i; break; }
        }
        affinity = affinities[chosen];
        return tracks[chosen];
    }

    private static AliasTable[] GenreTables(SyntheticCatalogue c, double[] weights, AliasTable fallback)
    {
        var members = new List<int>[c.Genres.Count];
        for (var g = 0; g < members.Length; g++) members[g] = [];
        for (var t = 0; t < c.TrackCount; t++)
        {
            members[c.TrackGenres[t]].Add(t);
            var secondary = c.SecondaryGenreOf(t);
            if (secondary >= 0) members[secondary].Add(t);
        }
        var tables = new AliasTable[members.Length];
        for (var g = 0; g < members.Length; g++)
        {
            var ids = members[g];
            if (ids.Count == 0) { tables[g] = fallback; continue; }
            var w = new double[ids.Count];
            for (var i = 0; i < w.Length; i++) w[i] = weights[ids[i]];
            tables[g] = new AliasTable(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids), w);
        }
        return tables;
    }
}
