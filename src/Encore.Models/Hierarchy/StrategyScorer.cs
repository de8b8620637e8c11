namespace Encore.Models.Hierarchy;

/// <summary>
/// Turns <see cref="PairFeatures"/> into one score per SPEC S4 strategy. Levels whose link is missing
/// (<see cref="FeatureSource.Missing"/>) are dropped and the remaining weights renormalised, so an absent
/// album level is never filled with an invented value.
/// </summary>
public static class StrategyScorer
{
    /// <summary>(album, artist, genre) weights of the weighted strategies.</summary>
    public static readonly (double Album, double Artist, double Genre) WeightedWeights = (0.4, 0.3, 0.3);

    /// <summary>(album, artist, max genre) weights of max-genre.</summary>
    public static readonly (double Album, double Artist, double Genre) MaxGenreWeights = (0.7, 0.2, 0.1);

    /// <summary>
    /// The score of <paramref name="strategy"/> with adaptive in SPEC S4's raw form (<see cref="LevelScale.Raw"/>);
    /// <paramref name="fallback"/> is the learned estimate used by <see cref="HierarchyStrategy.LearnedFallback"/> when the
    /// pair has no direct evidence (ignored otherwise).
    /// </summary>
    public static double Score(HierarchyStrategy strategy, in PairFeatures f, double fallback = double.NaN) => Score(strategy, f, LevelScale.Raw, fallback);

    /// <summary>
    /// The score of <paramref name="strategy"/>, the rated levels of adaptive and of the learned fallback's evidence branch
    /// put on one scale by <paramref name="scale"/>, and the levels the user did not rate weighted by its
    /// <see cref="LevelScale.PriorConfidence"/> (the other strategies ignore it). In rating units.
    /// </summary>
    public static double Score(HierarchyStrategy strategy, in PairFeatures f, LevelScale scale, double fallback = double.NaN)
    {
        ArgumentNullException.ThrowIfNull(scale);
        return strategy switch
        {
            HierarchyStrategy.MaxGenre => Combine(f, MaxGenreWeights, f.GenreMax, onlyRated: false),
            HierarchyStrategy.Weighted or HierarchyStrategy.WeightedBayesSiblings => Combine(f, WeightedWeights, f.GenreMean, onlyRated: false),
            HierarchyStrategy.Adaptive => HasEvidence(f) ? Evidence(f, scale) : Combine(f, WeightedWeights, f.GenreMean, onlyRated: false),
            _ => HasEvidence(f) ? Evidence(f, scale)
                : double.IsNaN(fallback) ? Combine(f, WeightedWeights, f.GenreMean, onlyRated: false) : fallback,
        };
    }

    /// <summary>True when the user rated the album (or a sibling track), the artist or one of the genres.</summary>
    public static bool HasEvidence(in PairFeatures f) =>
        f.AlbumSource is FeatureSource.User or FeatureSource.Sibling || f.ArtistSource == FeatureSource.User || f.GenreCount > 0;

    // Adaptive on a pair with evidence. Each present level's weight is multiplied by its evidence confidence (1 rated, lambda
    // = scale.PriorConfidence for a level at its prior stand-in) and renormalised; raw values, or positions on each level's
    // scale added to the anchor blend (LevelScale). lambda = 0 keeps SPEC S4's strict form on the code path it always had.
    private static double Evidence(in PairFeatures f, LevelScale scale)
    {
        var lambda = scale.PriorConfidence;
        if (scale.Form == AdaptiveScale.Raw && lambda == 0) return Combine(f, WeightedWeights, f.RatedGenreMean, onlyRated: true);
        var w = WeightedWeights;
        var raw = scale.Form == AdaptiveScale.Raw;
        double sum = 0, weight = 0, anchor = 0, present = 0;
        if (f.AlbumSource != FeatureSource.Missing)
        {
            if (!raw) { anchor += w.Album * scale.Anchor(HierarchyLevel.Album); present += w.Album; }
            var c = f.AlbumSource is FeatureSource.User or FeatureSource.Sibling ? 1 : lambda;
            var level = f.AlbumSource == FeatureSource.Sibling ? HierarchyLevel.Track : HierarchyLevel.Album;
            if (c > 0) { sum += c * w.Album * (raw ? f.AlbumScore : scale.Position(level, f.AlbumScore)); weight += c * w.Album; }
        }
        if (f.ArtistSource != FeatureSource.Missing)
        {
            if (!raw) { anchor += w.Artist * scale.Anchor(HierarchyLevel.Artist); present += w.Artist; }
            var c = f.ArtistSource == FeatureSource.User ? 1 : lambda;
            if (c > 0) { sum += c * w.Artist * (raw ? f.ArtistScore : scale.Position(HierarchyLevel.Artist, f.ArtistScore)); weight += c * w.Artist; }
        }
        if (f.GenreSource != FeatureSource.Missing)
        {
            if (!raw) { anchor += w.Genre * scale.Anchor(HierarchyLevel.Genre); present += w.Genre; }
            var c = f.GenreCount > 0 ? 1 : lambda;
            var genre = GenreValue(f, lambda);
            if (c > 0) { sum += c * w.Genre * (raw ? genre : scale.Position(HierarchyLevel.Genre, genre)); weight += c * w.Genre; }
        }
        return raw ? sum / weight : anchor / present + scale.Unit * sum / weight;
    }

    /// <summary>
    /// The genre level's value under evidence confidence <paramref name="lambda"/>: the mean of the track's genres, each rated genre
    /// weighted 1 and each genre at its prior stand-in lambda. With no genre rated, the mean of the stand-ins (<see cref="PairFeatures.GenreMean"/>);
    /// at lambda 0 the rated genres' mean (<see cref="PairFeatures.RatedGenreMean"/>); at lambda 1 the mean of all (<see cref="PairFeatures.GenreMean"/>).
    /// </summary>
    internal static double GenreValue(in PairFeatures f, double lambda)
    {
        if (f.GenreCount == 0 || lambda >= 1) return f.GenreMean;
        if (lambda <= 0 || f.GenreCount >= f.TrackGenres) return f.RatedGenreMean;
        double rated = f.GenreCount, unrated = f.TrackGenres - f.GenreCount;
        var unratedSum = (double)f.GenreMean * f.TrackGenres - (double)f.RatedGenreMean * rated;
        return (rated * f.RatedGenreMean + lambda * unratedSum) / (rated + lambda * unrated);
    }

    private static double Combine(in PairFeatures f, (double Album, double Artist, double Genre) w, float genre, bool onlyRated)
    {
        double sum = 0, weight = 0;
        if (Use(f.AlbumSource, onlyRated)) { sum += w.Album * f.AlbumScore; weight += w.Album; }
        if (Use(f.ArtistSource, onlyRated)) { sum += w.Artist * f.ArtistScore; weight += w.Artist; }
        // Genre statistics mix rated and fallback genres; "rated" means at least one genre rated by the user.
        if (onlyRated ? f.GenreCount > 0 : f.GenreSource != FeatureSource.Missing) { sum += w.Genre * genre; weight += w.Genre; }
        return weight > 0 ? sum / weight : f.TrackPrior;
    }

    private static bool Use(FeatureSource s, bool onlyRated) =>
        onlyRated ? s is FeatureSource.User or FeatureSource.Sibling : s != FeatureSource.Missing;
}
