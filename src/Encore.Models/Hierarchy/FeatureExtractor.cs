namespace Encore.Models.Hierarchy;

/// <summary>
/// Computes <see cref="PairFeatures"/> for (user, track) from the training ratings. Fallback order per level:
/// the user's rating; then (album, when <c>useSiblings</c>) the mean of the user's ratings of other tracks on
/// the same album; then (with <see cref="FallbackMode.Bayesian"/>) mu_i where the level is smoothed; then the prior
/// mean (M; with <see cref="FallbackMode.Bayesian"/> and <see cref="PriorMean.Level"/>, M_level). A missing link is
/// <see cref="FeatureSource.Missing"/> (value M, never an invented rating). Thread-safe.
/// </summary>
public sealed class FeatureExtractor(HierarchyCatalogue catalogue, HierarchyRatings ratings, LevelPriors priors,
    FallbackMode mode, bool useSiblings)
{
    public HierarchyCatalogue Catalogue { get; } = catalogue;
    public HierarchyRatings Ratings { get; } = ratings;
    public LevelPriors Priors { get; } = priors;
    public FallbackMode Mode { get; } = mode;
    public bool UseSiblings { get; } = useSiblings;

    /// <summary>The features of one pair. <paramref name="track"/> must be a dense track index.</summary>
    public PairFeatures Compute(int user, int track)
    {
        var m = (float)Priors.GlobalMean;
        var album = Catalogue.TrackAlbums[track];
        var (albumScore, albumSource, siblings) = (m, FeatureSource.Missing, 0);
        if (album >= 0) (albumScore, albumSource, siblings) = Album(user, track, album);
        var artist = Catalogue.TrackArtists[track];
        var (artistScore, artistSource) = artist >= 0 ? Level(user, HierarchyLevel.Artist, artist) : (m, FeatureSource.Missing);

        var genres = Catalogue.Genres(track);
        int rated = 0;
        double ratedSum = 0;
        float max = m, min = m, mean = m, variance = 0;
        var genreSource = FeatureSource.Missing;
        if (genres.Length > 0)
        {
            double sum = 0, sumSq = 0;
            max = float.MinValue;
            min = float.MaxValue;
            genreSource = FeatureSource.Global;
            foreach (var g in genres)
            {
                var (v, s) = Level(user, HierarchyLevel.Genre, g);
                if (s == FeatureSource.User) { rated++; ratedSum += v; }
                if (s < genreSource) genreSource = s;
                max = Math.Max(max, v);
                min = Math.Min(min, v);
                sum += v;
                sumSq += (double)v * v;
            }
            mean = (float)(sum / genres.Length);
            variance = (float)Math.Max(0, sumSq / genres.Length - (double)mean * mean);
        }
        return new PairFeatures(albumScore, albumSource, artistScore, artistSource, rated, genres.Length,
            max, min, mean, variance, genreSource, rated > 0 ? (float)(ratedSum / rated) : m, siblings, Priors.Smoothed(HierarchyLevel.Track, track));
    }

    private (float Score, FeatureSource Source, int Siblings) Album(int user, int track, int album)
    {
        var own = Ratings.Rating(user, HierarchyLevel.Album, album);
        var siblings = 0;
        double sum = 0;
        if (UseSiblings)
        {
            foreach (var t in Catalogue.AlbumTracks(album))
            {
                if (t == track) continue;
                var r = Ratings.Rating(user, HierarchyLevel.Track, t);
                if (float.IsNaN(r)) continue;
                siblings++;
                sum += r;
            }
        }
        if (!float.IsNaN(own)) return (own, FeatureSource.User, siblings);
        if (siblings > 0) return ((float)(sum / siblings), FeatureSource.Sibling, siblings);
        var (v, s) = Prior(HierarchyLevel.Album, album);
        return (v, s, 0);
    }

    private (float Score, FeatureSource Source) Level(int user, HierarchyLevel level, int target)
    {
        var own = Ratings.Rating(user, level, target);
        return float.IsNaN(own) ? Prior(level, target) : (own, FeatureSource.User);
    }

    // Bayesian mode: mu_i where the level is smoothed and the entity has ratings, else the prior mean P (M or M_level).
    // Plain mode: always M, as SPEC S4's plain heuristics.
    private (float Score, FeatureSource Source) Prior(HierarchyLevel level, int target) =>
        Mode != FallbackMode.Bayesian ? ((float)Priors.GlobalMean, FeatureSource.Global)
        : Priors.Smooths(level) && Priors.RatingCount(level, target) > 0 ? (Priors.Smoothed(level, target), FeatureSource.Bayesian)
        : ((float)Priors.PriorMeanAt(level), FeatureSource.Global);
}
