using Encore.Models.Hierarchy;

namespace Encore.Models.Tests.Hierarchy;

/// <summary>
/// The hand-worked example of the fallback tests. Tracks: t0 (album 0, artist 0, genres 0 and 1),
/// t1 (album 0, artist 0, genre 0), t2 (album 1, artist 1, no genre), t3 (no album, no artist, genre 1).
/// Ratings: u0 album0 = 90, u0 t1 = 70, u1 t1 = 60, u1 artist0 = 40, u1 genre0 = 20, u2 genre1 = 100.
/// M = 380 / 6; with C = 2: mu(artist0) = (40 + 2M) / 3, mu(genre0) = (20 + 2M) / 3, mu(genre1) = (100 + 2M) / 3.
/// </summary>
internal static class HandWorkedHierarchy
{
    public const double M = 380.0 / 6;
    public const double C = 2;

    public static double Mu(double ratingSum, int count) => (ratingSum + C * M) / (count + C);

    public static HierarchyCatalogue Catalogue() =>
        new([0, 0, 1, -1], [0, 0, 1, -1], [0, 2, 3, 3, 4], [0, 1, 0, 1], albumCount: 2, artistCount: 2, genreCount: 2);

    public static HierarchyRatings Ratings(HierarchyCatalogue catalogue) => HierarchyRatings.Build(3, catalogue,
        [0, 0, 1, 1, 1, 2],
        [HierarchyLevel.Album, HierarchyLevel.Track, HierarchyLevel.Track, HierarchyLevel.Artist, HierarchyLevel.Genre, HierarchyLevel.Genre],
        [0, 1, 1, 0, 0, 1],
        [90, 70, 60, 40, 20, 100]);

    public static FeatureExtractor Extractor(FallbackMode mode, bool siblings)
    {
        var catalogue = Catalogue();
        var ratings = Ratings(catalogue);
        return new FeatureExtractor(catalogue, ratings, new LevelPriors(ratings, C), mode, siblings);
    }
}
