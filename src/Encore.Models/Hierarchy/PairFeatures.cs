namespace Encore.Models.Hierarchy;

/// <summary>
/// SPEC S4 features of one (user, track) pair with the source of each level. Genre statistics are over
/// the track's genres, each genre's value taken by the same fallback; <see cref="GenreCount"/> counts the
/// genres the user rated and <see cref="RatedGenreMean"/> averages only those (M when none). Scores are on the rating scale (0..100 for KDD Cup).
/// </summary>
public readonly record struct PairFeatures(
    float AlbumScore, FeatureSource AlbumSource,
    float ArtistScore, FeatureSource ArtistSource,
    int GenreCount, int TrackGenres,
    float GenreMax, float GenreMin, float GenreMean, float GenreVariance, FeatureSource GenreSource, float RatedGenreMean,
    int SiblingCount, float TrackPrior)
{
    /// <summary>Number of numeric columns of <see cref="WriteTo"/>.</summary>
    public const int Width = 16;

    /// <summary>Column names of <see cref="WriteTo"/>, in order.</summary>
    public static readonly string[] Names =
    [
        "album_score", "artist_score", "genre_count", "genre_max", "genre_min", "genre_mean", "genre_variance",
        "album_rated", "album_from_siblings", "artist_rated", "sibling_count", "track_genres", "album_missing",
        "genre_rated", "track_prior", "rated_genre_mean",
    ];

    /// <summary>Writes the numeric feature vector (scores, counts and 0/1 source indicators).</summary>
    public void WriteTo(Span<float> row)
    {
        row[0] = AlbumScore;
        row[1] = ArtistScore;
        row[2] = GenreCount;
        row[3] = GenreMax;
        row[4] = GenreMin;
        row[5] = GenreMean;
        row[6] = GenreVariance;
        row[7] = AlbumSource == FeatureSource.User ? 1 : 0;
        row[8] = AlbumSource == FeatureSource.Sibling ? 1 : 0;
        row[9] = ArtistSource == FeatureSource.User ? 1 : 0;
        row[10] = SiblingCount;
        row[11] = TrackGenres;
        row[12] = AlbumSource == FeatureSource.Missing ? 1 : 0;
        row[13] = GenreCount > 0 ? 1 : 0;
        row[14] = TrackPrior;
        row[15] = RatedGenreMean;
    }
}
