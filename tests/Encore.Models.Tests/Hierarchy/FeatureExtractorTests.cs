using Encore.Models.Hierarchy;

namespace Encore.Models.Tests.Hierarchy;

public sealed class FeatureExtractorTests
{
    private const double Tolerance = 1e-4;

    [Fact]
    public void Compute_UserRatedAlbum_TakesTheUserRatingThenBayesianForUnratedLevels()
    {
        var sut = HandWorkedHierarchy.Extractor(FallbackMode.Bayesian, siblings: true);
        var f = sut.Compute(user: 0, track: 0);
        Assert.Equal((90f, FeatureSource.User), (f.AlbumScore, f.AlbumSource));
        Assert.Equal(FeatureSource.Bayesian, f.ArtistSource);
        Assert.Equal(HandWorkedHierarchy.Mu(40, 1), f.ArtistScore, Tolerance);
        var g0 = HandWorkedHierarchy.Mu(20, 1);
        var g1 = HandWorkedHierarchy.Mu(100, 1);
        Assert.Equal(0, f.GenreCount);
        Assert.Equal(2, f.TrackGenres);
        Assert.Equal(g1, f.GenreMax, Tolerance);
        Assert.Equal(g0, f.GenreMin, Tolerance);
        Assert.Equal((g0 + g1) / 2, f.GenreMean, Tolerance);
        Assert.Equal(Math.Pow((g1 - g0) / 2, 2), f.GenreVariance, 1e-2);
        Assert.Equal(HandWorkedHierarchy.M, f.RatedGenreMean, Tolerance);
        // t1 is on the same album and rated by u0, but the user's own album rating comes first.
        Assert.Equal(1, f.SiblingCount);
    }

    [Fact]
    public void Compute_NoAlbumRating_SiblingTracksStandInBeforeTheBayesianScore()
    {
        var sut = HandWorkedHierarchy.Extractor(FallbackMode.Bayesian, siblings: true);
        var f = sut.Compute(user: 1, track: 0);
        Assert.Equal((60f, FeatureSource.Sibling, 1), (f.AlbumScore, f.AlbumSource, f.SiblingCount));
        Assert.Equal((40f, FeatureSource.User), (f.ArtistScore, f.ArtistSource));
        Assert.Equal(1, f.GenreCount);
        Assert.Equal(20f, f.RatedGenreMean);
        Assert.Equal(FeatureSource.User, f.GenreSource);
        Assert.Equal(20f, f.GenreMin);
        Assert.Equal(HandWorkedHierarchy.Mu(100, 1), f.GenreMax, Tolerance);
    }

    [Fact]
    public void Compute_PlainMode_FallsStraightToTheGlobalMean()
    {
        var sut = HandWorkedHierarchy.Extractor(FallbackMode.GlobalMean, siblings: false);
        var f = sut.Compute(user: 1, track: 0);
        Assert.Equal(FeatureSource.Global, f.AlbumSource);
        Assert.Equal(HandWorkedHierarchy.M, f.AlbumScore, Tolerance);
        Assert.Equal(0, f.SiblingCount);
        Assert.Equal((40f, FeatureSource.User), (f.ArtistScore, f.ArtistSource));
        Assert.Equal((20f + (float)HandWorkedHierarchy.M) / 2, f.GenreMean, Tolerance);
    }

    [Fact]
    public void Compute_EntityNobodyRated_FallsToTheGlobalMeanEvenInBayesianMode()
    {
        var sut = HandWorkedHierarchy.Extractor(FallbackMode.Bayesian, siblings: true);
        var f = sut.Compute(user: 0, track: 2);
        Assert.Equal(FeatureSource.Global, f.AlbumSource);
        Assert.Equal(FeatureSource.Global, f.ArtistSource);
        Assert.Equal(HandWorkedHierarchy.M, f.AlbumScore, Tolerance);
        Assert.Equal(FeatureSource.Missing, f.GenreSource);
        Assert.Equal(0, f.TrackGenres);
    }

    [Fact]
    public void Compute_MissingLinks_AreReportedMissingNotImputed()
    {
        var sut = HandWorkedHierarchy.Extractor(FallbackMode.Bayesian, siblings: true);
        var f = sut.Compute(user: 2, track: 3);
        Assert.Equal(FeatureSource.Missing, f.AlbumSource);
        Assert.Equal(FeatureSource.Missing, f.ArtistSource);
        Assert.Equal((1, 100f, FeatureSource.User), (f.GenreCount, f.GenreMax, f.GenreSource));
        Span<float> row = stackalloc float[PairFeatures.Width];
        f.WriteTo(row);
        Assert.Equal(1f, row[Array.IndexOf(PairFeatures.Names, "album_missing")]);
        // Only the genre level is present, so every strategy scores the genre value alone.
        Assert.Equal(100, StrategyScorer.Score(HierarchyStrategy.Weighted, f), 4);
        Assert.Equal(100, StrategyScorer.Score(HierarchyStrategy.Adaptive, f), 4);
    }

    [Fact]
    public void Priors_LatestRatingOfAPairWins_AndUnratedEntitiesGetM()
    {
        var catalogue = HandWorkedHierarchy.Catalogue();
        var ratings = HierarchyRatings.Build(1, catalogue, [0, 0], [HierarchyLevel.Track, HierarchyLevel.Track], [1, 1], [10, 30]);
        Assert.Equal(30f, ratings.Rating(0, HierarchyLevel.Track, 1));
        Assert.True(float.IsNaN(ratings.Rating(0, HierarchyLevel.Track, 0)));
        var priors = new LevelPriors(ratings, 2);
        Assert.Equal(20, priors.GlobalMean, 6);
        Assert.Equal(20f, priors.Smoothed(HierarchyLevel.Album, 1));
        Assert.Equal((30 + 2 * 20) / 3.0, priors.Smoothed(HierarchyLevel.Track, 1), 4);
    }
}
