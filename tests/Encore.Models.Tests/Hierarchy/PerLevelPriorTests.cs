using Encore.Models.Hierarchy;

namespace Encore.Models.Tests.Hierarchy;

/// <summary>
/// The fallback order with per-level priors and adaptive's use of the levels, on the hand-worked example
/// (<see cref="HandWorkedHierarchy"/>): level means track (70 + 60) / 2 = 65, album 90, artist 40, genre (20 + 100) / 2 = 60.
/// </summary>
public sealed class PerLevelPriorTests
{
    private const double Tolerance = 1e-4;

    // album and track unsmoothed, artist and genre C = 2, prior mean M_level.
    private static readonly PriorSettings Settings = new([double.PositiveInfinity, double.PositiveInfinity, 2, 2], PriorMean.Level);

    private static FeatureExtractor Extractor(PriorSettings settings, FallbackMode mode = FallbackMode.Bayesian, bool siblings = true)
    {
        var catalogue = HandWorkedHierarchy.Catalogue();
        var ratings = HandWorkedHierarchy.Ratings(catalogue);
        return new FeatureExtractor(catalogue, ratings, new LevelPriors(ratings, settings), mode, siblings);
    }

    [Fact]
    public void Compute_PerLevelPrior_UserThenMuTowardsTheLevelMeanThenTheLevelMean()
    {
        var f = Extractor(Settings).Compute(user: 0, track: 0);
        Assert.Equal((90f, FeatureSource.User), (f.AlbumScore, f.AlbumSource));
        Assert.Equal(FeatureSource.Bayesian, f.ArtistSource);
        Assert.Equal((40 + 2 * 40) / 3.0, f.ArtistScore, Tolerance);
        Assert.Equal((100 + 2 * 60) / 3.0, f.GenreMax, Tolerance); // genre 1
        Assert.Equal((20 + 2 * 60) / 3.0, f.GenreMin, Tolerance); // genre 0
        Assert.Equal(65, f.TrackPrior, Tolerance); // track C = inf: the track level's mean

        // t2: album 1 and artist 1 nobody rated; album C = inf anyway: both fall to their level's mean.
        var g = Extractor(Settings).Compute(user: 0, track: 2);
        Assert.Equal((90f, FeatureSource.Global), (g.AlbumScore, g.AlbumSource));
        Assert.Equal((40f, FeatureSource.Global), (g.ArtistScore, g.ArtistSource));
    }

    [Fact]
    public void Compute_InfiniteCWithGlobalMean_GivesMWhereSpecWouldGiveMu()
    {
        var off = Extractor(PriorSettings.Off()).Compute(user: 0, track: 0);
        Assert.Equal((HandWorkedHierarchy.M, FeatureSource.Global), ((double)off.ArtistScore, off.ArtistSource), new ToleranceComparer());
        Assert.Equal(HandWorkedHierarchy.M, off.GenreMean, Tolerance);
        var spec = Extractor(PriorSettings.Spec(HandWorkedHierarchy.C)).Compute(user: 0, track: 0);
        Assert.Equal(HandWorkedHierarchy.Mu(40, 1), spec.ArtistScore, Tolerance);
    }

    [Fact]
    public void Compute_PlainMode_IgnoresThePerLevelPriorAndUsesM()
    {
        var f = Extractor(Settings, FallbackMode.GlobalMean, siblings: false).Compute(user: 0, track: 2);
        Assert.Equal((HandWorkedHierarchy.M, FeatureSource.Global), ((double)f.AlbumScore, f.AlbumSource), new ToleranceComparer());
        Assert.Equal(HandWorkedHierarchy.M, f.ArtistScore, Tolerance);
    }

    [Fact]
    public void Adaptive_SiblingFilledAlbumIsARatedLevel()
    {
        // u1 rated t1 (60; t0's sibling on album 0), artist 0 (40) and genre 0 (20): all three levels count.
        var f = Extractor(Settings).Compute(user: 1, track: 0);
        Assert.Equal(FeatureSource.Sibling, f.AlbumSource);
        Assert.True(StrategyScorer.HasEvidence(f));
        Assert.Equal(0.4 * 60 + 0.3 * 40 + 0.3 * 20, StrategyScorer.Score(HierarchyStrategy.Adaptive, f), Tolerance);

        // Album 0 with only a sibling rating: adaptive takes the sibling mean alone; without siblings there is no evidence.
        var catalogue = new HierarchyCatalogue([0, 0], [-1, -1], [0, 0, 0], [], albumCount: 1, artistCount: 0, genreCount: 0);
        var ratings = HierarchyRatings.Build(2, catalogue, [0, 1], [HierarchyLevel.Track, HierarchyLevel.Track], [1, 0], [70, 30]);
        var priors = new LevelPriors(ratings, PriorSettings.Off());
        var sibling = new FeatureExtractor(catalogue, ratings, priors, FallbackMode.Bayesian, useSiblings: true).Compute(0, 0);
        Assert.Equal(70, StrategyScorer.Score(HierarchyStrategy.Adaptive, sibling), Tolerance);
        var without = new FeatureExtractor(catalogue, ratings, priors, FallbackMode.Bayesian, useSiblings: false).Compute(0, 0);
        Assert.False(StrategyScorer.HasEvidence(without));
        Assert.Equal(50, StrategyScorer.Score(HierarchyStrategy.Adaptive, without), Tolerance); // M = (70 + 30) / 2
    }

    [Fact]
    public void Adaptive_NoEvidence_IsWeightedBayesSiblingsWithTheValidatedPrior()
    {
        // u0 rated nothing of t2 (album 1, artist 1, no genre): the genre level is missing, album and artist take their level means.
        var f = Extractor(Settings).Compute(user: 0, track: 2);
        Assert.False(StrategyScorer.HasEvidence(f));
        var expected = (0.4 * 90 + 0.3 * 40) / 0.7;
        Assert.Equal(expected, StrategyScorer.Score(HierarchyStrategy.Adaptive, f), Tolerance);
        Assert.Equal(expected, StrategyScorer.Score(HierarchyStrategy.WeightedBayesSiblings, f), Tolerance);
        // With SPEC's prior the same pair scores M (nobody rated album 1 or artist 1).
        var spec = Extractor(PriorSettings.Spec(HandWorkedHierarchy.C)).Compute(user: 0, track: 2);
        Assert.Equal(HandWorkedHierarchy.M, StrategyScorer.Score(HierarchyStrategy.Adaptive, spec), Tolerance);
    }

    private sealed class ToleranceComparer : IEqualityComparer<(double, FeatureSource)>
    {
        public bool Equals((double, FeatureSource) x, (double, FeatureSource) y) => Math.Abs(x.Item1 - y.Item1) < Tolerance && x.Item2 == y.Item2;

        public int GetHashCode((double, FeatureSource) obj) => obj.Item2.GetHashCode();
    }
}
