using Encore.Evaluation.Protocols.SixCandidate;
using Encore.Models.Hierarchy;

namespace Encore.Models.Tests.Hierarchy;

public sealed class EvidenceCoverageTests
{
    private static PairFeatures Pair(FeatureSource album, float albumScore, FeatureSource artist, int genresRated, float prior) =>
        new(albumScore, album, 50, artist, genresRated, 1, 50, 50, 50, 0, genresRated > 0 ? FeatureSource.User : FeatureSource.Global, 50, 0, prior);

    [Fact]
    public void Compute_HandWorkedPairs_CountsEachSourcePerLabel()
    {
        PairFeatures[] features =
        [
            Pair(FeatureSource.User, 90, FeatureSource.Bayesian, 0, 60),
            Pair(FeatureSource.Sibling, 70, FeatureSource.User, 1, 40),
            Pair(FeatureSource.Bayesian, 80, FeatureSource.Global, 0, 70),
            Pair(FeatureSource.Bayesian, 60, FeatureSource.Global, 0, 50),
        ];
        bool[] labels = [true, true, false, false];

        var sut = EvidenceCoverage.Compute(features, labels);

        var liked = sut[0];
        Assert.Equal(("liked", 2), (liked.Group, liked.Candidates));
        Assert.Equal(0.5, liked.AlbumRated);
        Assert.Equal(0.5, liked.AlbumFromSiblings);
        Assert.Equal(0.5, liked.ArtistRated);
        Assert.Equal(0.5, liked.GenreRated);
        Assert.Equal(0, liked.NoEvidence);
        Assert.True(double.IsNaN(liked.BayesianAlbumMean));
        Assert.Equal(50, liked.TrackPriorMean, 6);
        var not = sut[1];
        Assert.Equal(1, not.NoEvidence);
        Assert.Equal(70, not.BayesianAlbumMean, 6);
        Assert.Equal(60, not.TrackPriorMean, 6);
    }

    [Fact]
    public void TiedCutShare_CountsListsWhoseThirdAndFourthScoresTie()
    {
        var set = new CandidateSet([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1], [0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5],
            [true, true, true, false, false, false, true, true, true, false, false, false], "test");
        double[] scores = [9, 8, 5, 5, 1, 0, 9, 8, 7, 6, 6, 6];

        Assert.Equal(0.5, EvidenceCoverage.TiedCutShare(scores, set));
    }
}
