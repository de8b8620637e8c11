using Encore.Core.Ranking;
using Encore.Data.Model;

namespace Encore.Data.Synthetic;

/// <summary>
/// A generated music world: the observable <see cref="Dataset"/> plus the planted truth it was drawn from
/// (each user's genre mixture and taste vector, every entity's latent vector), so tests can check that a
/// model recovers the planted tastes. The generation model is documented in docs/synthetic-world.md.
/// Latent arrays are row-major with <see cref="LatentDimension"/> columns; treat them as read-only.
/// </summary>
public sealed partial class SyntheticWorld
{
    private readonly AffinityModel _affinity;

    private SyntheticWorld(SyntheticWorldOptions options, MusicDataset dataset, SyntheticCatalogue catalogue,
        SyntheticTastes tastes, AffinityModel affinity)
    {
        Options = options;
        Dataset = dataset;
        _affinity = affinity;
        LatentDimension = catalogue.Dimension;
        GenreCentroids = catalogue.Genres.Centroids;
        GenreShares = catalogue.Genres.Shares;
        ArtistGenres = catalogue.ArtistGenres;
        ArtistLatent = catalogue.ArtistLatent;
        AlbumLatent = catalogue.AlbumLatent;
        TrackGenres = catalogue.TrackGenres;
        TrackLatent = catalogue.TrackLatent;
        TrackPopularityWeights = catalogue.TrackZipfWeights;
        UserGenres = tastes.Genres;
        UserGenreWeights = tastes.GenreWeights;
        UserTaste = tastes.Taste;
        UserEventCounts = tastes.EventBudgets;
    }

    public SyntheticWorldOptions Options { get; }

    /// <summary>What a model sees: catalogue, users, events, ratings, playlists.</summary>
    public MusicDataset Dataset { get; }

    public int LatentDimension { get; }

    /// <summary>Genres x dimension: each genre's centroid.</summary>
    public float[] GenreCentroids { get; }

    /// <summary>Share of the artists each genre was meant to get (Zipf over genre index).</summary>
    public double[] GenreShares { get; }

    /// <summary>Primary genre of each artist (the secondary one, if any, is in the dataset's artist genres).</summary>
    public int[] ArtistGenres { get; }

    public float[] ArtistLatent { get; }

    public float[] AlbumLatent { get; }

    /// <summary>Primary genre of each track (its artist's).</summary>
    public int[] TrackGenres { get; }

    /// <summary>Tracks x dimension: the planted track vectors.</summary>
    public float[] TrackLatent { get; }

    /// <summary>Zipf popularity weight (rank + 1)^-s of each track.</summary>
    public double[] TrackPopularityWeights { get; }

    /// <summary>Planted genres of each user, heaviest first.</summary>
    public IntLists UserGenres { get; }

    /// <summary>Mixture weights aligned with <see cref="UserGenres"/>.Values; each user's sum to 1.</summary>
    public float[] UserGenreWeights { get; }

    /// <summary>Users x dimension: the planted taste vectors.</summary>
    public float[] UserTaste { get; }

    /// <summary>Events generated for each user (the heavy-tailed activity).</summary>
    public int[] UserEventCounts { get; }

    /// <summary>The planted taste vector of a user.</summary>
    public ReadOnlySpan<float> UserTasteOf(int user) => _affinity.Taste(user);

    /// <summary>The planted mixture weight of <paramref name="genre"/> for <paramref name="user"/> (0 if not planted).</summary>
    public float GenreWeight(int user, int genre)
    {
        var genres = UserGenres[user];
        for (var i = 0; i < genres.Length; i++)
            if (genres[i] == genre) return UserGenreWeights[UserGenres.Offsets[user] + i];
        return 0f;
    }

    /// <summary>True affinity of a user for a track: dot(taste, track vector).</summary>
    public float TrueAffinity(int user, int track) => _affinity.Affinity(user, EntityLevel.Track, track);

    /// <summary>True affinity for any catalogue level (genre: the centroid).</summary>
    public float TrueAffinity(int user, EntityLevel level, int target) => _affinity.Affinity(user, level, target);

    /// <summary>The <paramref name="k"/> tracks of highest true affinity, best first (ties: smaller index).</summary>
    public int[] TopTrueTracks(int user, int k)
    {
        k = Math.Clamp(k, 0, TrackGenres.Length);
        var top = new TopKSelector(k);
        for (var t = 0; t < TrackGenres.Length; t++) top.Offer(t, TrueAffinity(user, t));
        var ids = new int[k];
        top.Drain(ids, new float[k]);
        return ids;
    }
}
