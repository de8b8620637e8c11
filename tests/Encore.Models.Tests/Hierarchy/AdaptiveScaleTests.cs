using Encore.Models.Hierarchy;

namespace Encore.Models.Tests.Hierarchy;

/// <summary>
/// Adaptive's scale (issue 9, session 7): SPEC S4's raw form against the level-deviation and level-z forms, hand-worked, and
/// the choice among them on planted validation lists.
/// </summary>
public sealed class AdaptiveScaleTests
{
    private const double Tolerance = 1e-6;

    // Validated prior of the worlds below: no smoothing (C = inf) and the per-level prior mean, as chosen at 1M.
    private static readonly PriorSettings Off = PriorSettings.Off(PriorMean.Level);

    /// <summary>
    /// t0 (album 0, artist 0, genre 0) and t1 (album 1, artist 1, genre 1). u1 rated both albums and both artists 40 and both
    /// genres 0; u0 rated genre 0 30 and nothing of t1. Level means: album 40, artist 40, genre (30 + 0 + 0) / 3 = 10.
    /// </summary>
    private static (FeatureExtractor Extractor, LevelPriors Priors) TwoTracks()
    {
        var catalogue = new HierarchyCatalogue([0, 1], [0, 1], [0, 1, 2], [0, 1], albumCount: 2, artistCount: 2, genreCount: 2);
        var ratings = HierarchyRatings.Build(2, catalogue,
            [0, 1, 1, 1, 1, 1, 1],
            [HierarchyLevel.Genre, HierarchyLevel.Album, HierarchyLevel.Album, HierarchyLevel.Artist, HierarchyLevel.Artist, HierarchyLevel.Genre, HierarchyLevel.Genre],
            [0, 0, 1, 0, 1, 0, 1],
            [30, 40, 40, 40, 40, 0, 0]);
        var priors = new LevelPriors(ratings, Off);
        return (new FeatureExtractor(catalogue, ratings, priors, FallbackMode.Bayesian, useSiblings: true), priors);
    }

    [Fact]
    public void Adaptive_GenreRatedAboveItsLevelMean_RawRanksItBelowNoEvidenceAndTheScaledFormsAbove()
    {
        var (extractor, priors) = TwoTracks();
        var rated = extractor.Compute(user: 0, track: 0); // genre 0 rated 30: three times the genre mean
        var none = extractor.Compute(user: 0, track: 1);  // nothing rated
        Assert.True(StrategyScorer.HasEvidence(rated));
        Assert.False(StrategyScorer.HasEvidence(none));

        // Without evidence every form is the prior blend 0.4 x 40 + 0.3 x 40 + 0.3 x 10 = 31.
        foreach (var form in AdaptiveScaleNames.Forms)
            Assert.Equal(31, StrategyScorer.Score(HierarchyStrategy.Adaptive, none, LevelScale.From(priors, form)), Tolerance);

        // Raw (SPEC S4): the rated genre alone, 30 < 31, so the candidate the user rated sinks below the one they did not.
        Assert.Equal(30, StrategyScorer.Score(HierarchyStrategy.Adaptive, rated), Tolerance);
        Assert.Equal(30, StrategyScorer.Score(HierarchyStrategy.Adaptive, rated, LevelScale.Raw), Tolerance);

        // level-deviation: 31 + (30 - 10) = 51 > 31.
        Assert.Equal(51, StrategyScorer.Score(HierarchyStrategy.Adaptive, rated, LevelScale.From(priors, AdaptiveScale.LevelDeviation)), Tolerance);

        // level-z: 31 + S (30 - 10) / s_genre, s_genre = sqrt((400 + 100 + 100) / 3), S the spread of all seven ratings around M.
        double[] all = [30, 40, 40, 40, 40, 0, 0];
        var m = all.Average();
        var s = Math.Sqrt(all.Sum(v => (v - m) * (v - m)) / all.Length);
        var z = LevelScale.From(priors, AdaptiveScale.LevelZ);
        Assert.Equal(s, z.Unit, Tolerance);
        Assert.Equal(Math.Sqrt(200), z.Divisor(HierarchyLevel.Genre), Tolerance);
        Assert.Equal(31 + s * 20 / Math.Sqrt(200), StrategyScorer.Score(HierarchyStrategy.Adaptive, rated, z), Tolerance);
    }

    [Fact]
    public void Adaptive_SiblingFilledAlbum_IsPlacedOnTheTrackLevelsScale()
    {
        // t0 and t1 on album 0. u0 rated t1 50 (t0's sibling); u1 rated t0 90 and album 0 20. Track mean 70, album mean 20.
        var catalogue = new HierarchyCatalogue([0, 0], [-1, -1], [0, 0, 0], [], albumCount: 1, artistCount: 0, genreCount: 0);
        var ratings = HierarchyRatings.Build(2, catalogue, [0, 1, 1], [HierarchyLevel.Track, HierarchyLevel.Track, HierarchyLevel.Album], [1, 0, 0], [50, 90, 20]);
        var priors = new LevelPriors(ratings, Off);
        var f = new FeatureExtractor(catalogue, ratings, priors, FallbackMode.Bayesian, useSiblings: true).Compute(0, 0);
        Assert.Equal((50f, FeatureSource.Sibling), (f.AlbumScore, f.AlbumSource));

        // Anchor: the album's prior mean 20 (artist and genre missing); position 50 - 70 on the track scale: 20 - 20 = 0.
        Assert.Equal(0, StrategyScorer.Score(HierarchyStrategy.Adaptive, f, LevelScale.From(priors, AdaptiveScale.LevelDeviation)), Tolerance);
        Assert.Equal(50, StrategyScorer.Score(HierarchyStrategy.Adaptive, f, LevelScale.Raw), Tolerance);
    }

    [Fact]
    public void LearnedFallback_UnderEveryScale_KeepsAdaptivesEvidenceAndReplacesOnlyPairsWithout()
    {
        var (extractor, priors) = TwoTracks();
        var rated = extractor.Compute(0, 0);
        var none = extractor.Compute(0, 1);
        foreach (var form in AdaptiveScaleNames.Forms)
        {
            var scale = LevelScale.From(priors, form);
            Assert.Equal(StrategyScorer.Score(HierarchyStrategy.Adaptive, rated, scale), StrategyScorer.Score(HierarchyStrategy.LearnedFallback, rated, scale, fallback: -5), Tolerance);
            Assert.Equal(-5, StrategyScorer.Score(HierarchyStrategy.LearnedFallback, none, scale, fallback: -5));
            // The other strategies do not depend on the scale.
            Assert.Equal(StrategyScorer.Score(HierarchyStrategy.WeightedBayesSiblings, rated), StrategyScorer.Score(HierarchyStrategy.WeightedBayesSiblings, rated, scale), Tolerance);
        }
    }

    [Fact]
    public void LevelScale_ValidatedIsARequestNotAForm()
    {
        var (_, priors) = TwoTracks();
        Assert.Throws<ArgumentException>(() => LevelScale.From(priors, AdaptiveScale.Validated));
        Assert.Same(LevelScale.Raw, LevelScale.From(priors, AdaptiveScale.Raw));
        Assert.Equal(AdaptiveScale.LevelZ, AdaptiveScaleNames.Parse("Level-Z"));
        Assert.Contains("level-deviation", Assert.Throws<ArgumentException>(() => AdaptiveScaleNames.Parse("z")).Message, StringComparison.Ordinal);
    }

    private const int Lists = 300;

    /// <summary>
    /// Planted lists: list b is user b's, tracks 6b..6b+5, each on its own album, artist and genre. A rater rated every album
    /// and artist 40 and every genre 0. When <paramref name="genreEvidence"/>, user b rated the genres of the three liked
    /// tracks 25 (above the genre mean 25/3 but below the no-evidence blend 0.4 x 40 + 0.3 x 40 + 0.3 x 25/3 = 30.5);
    /// else user b rated the albums of all six tracks, the liked 60 and the others 30. Liked tracks sit first.
    /// </summary>
    private static (PairFeatures[] Features, bool[] Labels, LevelPriors Priors) Planted(bool genreEvidence) =>
        PlantedSixCandidateLists.Build(Lists, raterScore: 40, (_, j, t, rate) =>
        {
            if (genreEvidence && j < 3) rate(HierarchyLevel.Genre, t, 25);
            if (!genreEvidence) rate(HierarchyLevel.Album, t, j < 3 ? 60 : 30);
        });

    [Fact]
    public void Choose_RatedGenresSinkUnderRaw_PicksAScaledFormOnValidation()
    {
        var (features, labels, priors) = Planted(genreEvidence: true);
        var choice = AdaptiveScaleSelection.Choose(features, labels, blockSize: 6, liked: 3, priors);

        Assert.NotEqual(AdaptiveScale.Raw, choice.Form);
        Assert.Equal(0.0, choice.Accuracies[0], 12); // raw: the three rated candidates rank last in every list
        Assert.Equal(1.0, choice.Accuracies[1], 12);
        Assert.Equal(1.0, choice.Accuracies[2], 12);
        Assert.Equal(AdaptiveScale.LevelDeviation, choice.Form); // the first of the tied best forms
        Assert.Equal(Lists, choice.Lists);
        Assert.Contains("level-deviation (departs from SPEC S4)", choice.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_OnlyAlbumEvidence_EveryFormRanksAlikeAndRawIsKept()
    {
        // Every candidate's only rated level is its album: each form is an increasing function of the album rating.
        var (features, labels, priors) = Planted(genreEvidence: false);
        var choice = AdaptiveScaleSelection.Choose(features, labels, blockSize: 6, liked: 3, priors);

        Assert.Equal(AdaptiveScale.Raw, choice.Form);
        Assert.All(choice.Accuracies, a => Assert.Equal(1.0, a, 12));
        Assert.True(choice.Validated);
        Assert.Throws<ArgumentException>(() => AdaptiveScaleSelection.Choose(features.AsSpan(0, 5), labels.AsSpan(0, 5), 6, 3, priors));
    }
}
