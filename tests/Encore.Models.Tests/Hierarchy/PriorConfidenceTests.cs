using Encore.Models.Hierarchy;

namespace Encore.Models.Tests.Hierarchy;

/// <summary>
/// Adaptive's evidence confidence lambda (issue 9, session 8): each present level's weight times 1 when the user rated it and lambda
/// when it falls to its prior stand-in, renormalised. Hand-worked scores, the two end points (lambda 0 = SPEC S4's strict adaptive as
/// it was computed before, lambda 1 = weighted+bayes+siblings), and the choice of lambda on planted validation lists.
/// </summary>
public sealed class PriorConfidenceTests
{
    private const double Tolerance = 1e-9;

    // Validated prior of the planted worlds: no smoothing (C = inf) and the per-level prior mean.
    private static readonly PriorSettings Off = PriorSettings.Off(PriorMean.Level);

    private static PairFeatures Pair(float album, FeatureSource albumSource, float artist, FeatureSource artistSource,
        int genresRated, int genres, float genreMean, float ratedGenreMean) =>
        new(album, albumSource, artist, artistSource, genresRated, genres, genreMean, genreMean, genreMean, 0, genresRated > 0 ? FeatureSource.User : FeatureSource.Bayesian,
            ratedGenreMean, albumSource == FeatureSource.Sibling ? 1 : 0, TrackPrior: 45);

    /// <summary>
    /// Three candidates of one list (raw form; weights 0.4 / 0.3 / 0.3):
    /// A: album rated 80, artist at its stand-in 50, two genres: one rated 70, one at its stand-in 40 (genre mean 55);
    /// B: album from a sibling track 65, artist stand-in 30, one genre at its stand-in 20;
    /// C: nothing rated: album 70, artist 60, genre 50 (all stand-ins).
    /// </summary>
    [Fact]
    public void Adaptive_HandWorkedList_StrictLambdaHalfAndOne()
    {
        var a = Pair(80, FeatureSource.User, 50, FeatureSource.Bayesian, genresRated: 1, genres: 2, genreMean: 55, ratedGenreMean: 70);
        var b = Pair(65, FeatureSource.Sibling, 30, FeatureSource.Bayesian, genresRated: 0, genres: 1, genreMean: 20, ratedGenreMean: 45);
        var c = Pair(70, FeatureSource.Bayesian, 60, FeatureSource.Bayesian, genresRated: 0, genres: 1, genreMean: 50, ratedGenreMean: 45);
        double Score(in PairFeatures f, double lambda) => StrategyScorer.Score(HierarchyStrategy.Adaptive, f, RawAt(lambda));

        // Strict (SPEC S4): only rated levels. A = (0.4 x 80 + 0.3 x 70) / 0.7; B = the sibling album alone; C has no evidence:
        // the prior blend 0.4 x 70 + 0.3 x 60 + 0.3 x 50 = 61. B (one rated level) ranks above C.
        Assert.Equal(53 / 0.7, Score(a, 0), Tolerance);
        Assert.Equal(65, Score(b, 0), Tolerance);
        Assert.Equal(61, Score(c, 0), Tolerance);

        // lambda 0.5: A's artist weighs 0.15 and its genre value is (70 + 0.5 x 40) / 1.5 = 60:
        // (0.4 x 80 + 0.15 x 50 + 0.3 x 60) / 0.85 = 57.5 / 0.85. B: (0.4 x 65 + 0.15 x 30 + 0.15 x 20) / 0.7 = 33.5 / 0.7,
        // now below C: the levels B's user did not rate pull it toward their (lower) stand-ins.
        Assert.Equal(57.5 / 0.85, Score(a, 0.5), Tolerance);
        Assert.Equal(33.5 / 0.7, Score(b, 0.5), Tolerance);
        Assert.Equal(61, Score(c, 0.5), Tolerance);

        // lambda 1 = weighted+bayes+siblings: A = 32 + 15 + 16.5, B = 26 + 9 + 6.
        Assert.Equal(63.5, Score(a, 1), Tolerance);
        Assert.Equal(41, Score(b, 1), Tolerance);
        Assert.Equal(61, Score(c, 1), Tolerance);
        foreach (var f in new[] { a, b, c }) Assert.Equal(StrategyScorer.Score(HierarchyStrategy.WeightedBayesSiblings, f), Score(f, 1));
    }

    [Fact]
    public void Adaptive_LambdaZero_IsTheStrictAdaptiveBitForBitInEveryForm()
    {
        foreach (var (features, priors) in WorldPairs())
        {
            foreach (var form in AdaptiveScaleNames.Forms)
            {
                var scale = LevelScale.From(priors, form);
                var zero = LevelScale.From(priors, form, priorConfidence: 0);
                Assert.Equal(0, scale.PriorConfidence);
                foreach (var f in features)
                {
                    var strict = StrictReference(f, scale);
                    Assert.Equal(strict, StrategyScorer.Score(HierarchyStrategy.Adaptive, f, scale));
                    Assert.Equal(strict, StrategyScorer.Score(HierarchyStrategy.Adaptive, f, zero));
                }
            }
        }
    }

    [Fact]
    public void Adaptive_LambdaOneInTheRawForm_IsWeightedBayesSiblingsBitForBit()
    {
        var pairs = 0;
        foreach (var (features, priors) in WorldPairs())
        {
            var one = LevelScale.From(priors, AdaptiveScale.Raw, priorConfidence: 1);
            foreach (var f in features)
            {
                Assert.Equal(StrategyScorer.Score(HierarchyStrategy.WeightedBayesSiblings, f), StrategyScorer.Score(HierarchyStrategy.Adaptive, f, one));
                pairs += StrategyScorer.HasEvidence(f) ? 1 : 0;
            }
        }
        Assert.True(pairs > 100, $"only {pairs} pairs with evidence");
    }

    [Fact]
    public void LearnedFallback_UsesTheLambdaOnlyWherePairsHaveEvidence()
    {
        var a = Pair(80, FeatureSource.User, 50, FeatureSource.Bayesian, genresRated: 1, genres: 2, genreMean: 55, ratedGenreMean: 70);
        var c = Pair(70, FeatureSource.Bayesian, 60, FeatureSource.Bayesian, genresRated: 0, genres: 1, genreMean: 50, ratedGenreMean: 45);
        var half = RawAt(0.5);
        Assert.Equal(StrategyScorer.Score(HierarchyStrategy.Adaptive, a, half), StrategyScorer.Score(HierarchyStrategy.LearnedFallback, a, half, fallback: -5));
        Assert.Equal(-5, StrategyScorer.Score(HierarchyStrategy.LearnedFallback, c, half, fallback: -5));
    }

    [Fact]
    public void Settings_ParseValidatedOrZeroToOne_AndRejectTheRest()
    {
        Assert.Null(PriorConfidenceNames.Parse("Validated"));
        Assert.Equal(0.2, PriorConfidenceNames.Parse(" 0.2 "));
        Assert.Equal(0.0, PriorConfidenceNames.Parse("0"));
        Assert.Equal("0.35", PriorConfidenceNames.Format(0.35));
        foreach (var bad in new[] { "1.01", "-0.1", "NaN", "half", "" })
            Assert.Contains("[0, 1]", Assert.Throws<ArgumentException>(() => PriorConfidenceNames.Parse(bad)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => LevelScale.From(WorldPairs().First().Priors, AdaptiveScale.Raw, 1.5));
        Assert.Equal("validated", new HierarchyOptions().PriorConfidence);
        Assert.Equal(0.75, new HierarchyOptions { PriorConfidence = "0.75" }.FixedPriorConfidence);
    }

    private const int Lists = 200;

    /// <summary>
    /// Planted lists: list b is user b's, tracks 6b..6b+5, each on its own album, artist and genre; a rater rated every album and artist
    /// 20 and every genre 0. When <paramref name="fewerLevels"/>, user b rated the album, artist and genre of the three liked tracks 50
    /// and only the genre of the three others 55: SPEC S4's strict adaptive ranks the one-level candidates first (55 > 50), while with
    /// lambda &gt; 0.107 their unrated album and artist (stand-ins 30, the level means) pull them below 50: (21 lambda + 16.5) / (0.7 lambda + 0.3) &lt; 50. Otherwise user b rated the
    /// albums of all six tracks (liked 60, others 30), which the strict adaptive already separates. Liked tracks sit first.
    /// </summary>
    private static (PairFeatures[] Features, bool[] Labels, LevelPriors Priors) Planted(bool fewerLevels) =>
        PlantedSixCandidateLists.Build(Lists, raterScore: 20, (_, j, t, rate) =>
        {
            if (!fewerLevels) rate(HierarchyLevel.Album, t, j < 3 ? 60 : 30);
            else if (j < 3)
            {
                rate(HierarchyLevel.Album, t, 50);
                rate(HierarchyLevel.Artist, t, 50);
                rate(HierarchyLevel.Genre, t, 50);
            }
            else rate(HierarchyLevel.Genre, t, 55);
        });

    [Fact]
    public void Choose_CandidatesRatedAtFewerLevels_PicksALambdaAboveZeroOnValidation()
    {
        // The raw form only (as with --set hierarchy.adaptive-scale=raw): level-z happens to separate these lists even at lambda 0.
        var (features, labels, priors) = Planted(fewerLevels: true);
        var choice = PriorConfidenceSelection.Choose(features, labels, blockSize: 6, liked: 3, priors, [AdaptiveScale.Raw], AdaptiveScaleChoice.Spec);

        Assert.False(choice.Strict);
        Assert.True(choice.Validated);
        Assert.Equal(Lists, choice.Lists);
        Assert.Equal(0.0, choice.Accuracy(AdaptiveScale.Raw, 0), 12); // strict raw: the one-level candidates win every list
        Assert.Equal(0.0, choice.StrictAccuracy, 12);
        Assert.Equal(0.0, choice.Accuracy(AdaptiveScale.Raw, 1), 12); // lambda 0.05: (0.02 x 30 + 0.015 x 30 + 0.3 x 55) / 0.335 > 50
        Assert.Equal(1.0, choice.Accuracy(AdaptiveScale.Raw, PriorConfidenceNames.Grid.Count - 1), 12); // lambda 0.75
        Assert.Equal(1.0, choice.Accuracy(choice.Form, PriorConfidenceNames.Grid.ToList().IndexOf(choice.Confidence)), 12);
        Assert.Contains("departs from SPEC S4", choice.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_StrictAlreadySeparatesTheLists_KeepsLambdaZero()
    {
        var (features, labels, priors) = Planted(fewerLevels: false);
        var strict = AdaptiveScaleSelection.Choose(features, labels, blockSize: 6, liked: 3, priors);
        var choice = PriorConfidenceSelection.Choose(features, labels, blockSize: 6, liked: 3, priors, AdaptiveScaleNames.Forms, strict);

        Assert.True(choice.Strict);
        Assert.Equal(strict.Form, choice.Form);
        Assert.Equal(1.0, choice.StrictAccuracy, 12);
        Assert.Contains("strict adaptive kept", choice.Describe(), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PriorConfidenceSelection.Choose(features, labels, 6, 3, priors, [AdaptiveScale.LevelZ], AdaptiveScaleChoice.Spec));
    }

    private static LevelScale RawAt(double lambda) => LevelScale.From(new LevelPriors(HierarchyFixture.Data.Hierarchy!.Ratings, 10), AdaptiveScale.Raw, lambda);

    /// <summary>Features of (user, track) pairs of the shared synthetic world, under SPEC S4's fixed C and under the validated-style prior.</summary>
    private static IEnumerable<(PairFeatures[] Features, LevelPriors Priors)> WorldPairs()
    {
        var input = HierarchyFixture.Data.Hierarchy!;
        foreach (var settings in new[] { PriorSettings.Spec(10), Off })
        {
            var priors = new LevelPriors(input.Ratings, settings);
            var extractor = new FeatureExtractor(input.Catalogue, input.Ratings, priors, FallbackMode.Bayesian, useSiblings: true);
            var users = Math.Min(40, input.Ratings.UserCount);
            var tracks = Math.Min(150, input.Catalogue.TrackCount);
            var features = new PairFeatures[users * tracks];
            for (var u = 0; u < users; u++)
                for (var t = 0; t < tracks; t++)
                    features[u * tracks + t] = extractor.Compute(u, t);
            yield return (features, priors);
        }
    }

    /// <summary>SPEC S4's strict adaptive as computed before lambda existed (session 7), transcribed: the reference for lambda 0.</summary>
    private static double StrictReference(in PairFeatures f, LevelScale scale)
    {
        var w = StrategyScorer.WeightedWeights;
        if (!StrategyScorer.HasEvidence(f)) return StrategyScorer.Score(HierarchyStrategy.WeightedBayesSiblings, f);
        double sum = 0, weight = 0;
        if (scale.Form == AdaptiveScale.Raw)
        {
            if (f.AlbumSource is FeatureSource.User or FeatureSource.Sibling) { sum += w.Album * f.AlbumScore; weight += w.Album; }
            if (f.ArtistSource == FeatureSource.User) { sum += w.Artist * f.ArtistScore; weight += w.Artist; }
            if (f.GenreCount > 0) { sum += w.Genre * f.RatedGenreMean; weight += w.Genre; }
            return sum / weight;
        }
        double anchor = 0, present = 0;
        if (f.AlbumSource != FeatureSource.Missing) { anchor += w.Album * scale.Anchor(HierarchyLevel.Album); present += w.Album; }
        if (f.AlbumSource is FeatureSource.User or FeatureSource.Sibling)
        {
            var level = f.AlbumSource == FeatureSource.User ? HierarchyLevel.Album : HierarchyLevel.Track;
            sum += w.Album * scale.Position(level, f.AlbumScore);
            weight += w.Album;
        }
        if (f.ArtistSource != FeatureSource.Missing) { anchor += w.Artist * scale.Anchor(HierarchyLevel.Artist); present += w.Artist; }
        if (f.ArtistSource == FeatureSource.User) { sum += w.Artist * scale.Position(HierarchyLevel.Artist, f.ArtistScore); weight += w.Artist; }
        if (f.GenreSource != FeatureSource.Missing) { anchor += w.Genre * scale.Anchor(HierarchyLevel.Genre); present += w.Genre; }
        if (f.GenreCount > 0) { sum += w.Genre * scale.Position(HierarchyLevel.Genre, f.RatedGenreMean); weight += w.Genre; }
        return anchor / present + scale.Unit * sum / weight;
    }
}
