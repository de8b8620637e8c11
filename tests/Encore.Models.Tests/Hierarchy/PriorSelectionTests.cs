using Encore.Core.Randomness;
using Encore.Models.Hierarchy;

namespace Encore.Models.Tests.Hierarchy;

/// <summary>
/// The empirical-Bayes choice of the Bayesian fallback's prior on validation lists (issue 9 step 1). Worlds: every
/// candidate track is on its own album (no artist, no genre), the list users rated nothing, and other users rated the
/// albums, so weighted+bayes+siblings ranks a list by album mu_i alone and C = inf leaves every list tied.
/// </summary>
public sealed class PriorSelectionTests
{
    private const int Lists = 400;

    /// <summary>
    /// Builds the world: list b belongs to user b and holds tracks 6b..6b+5; raters (users Lists..Lists+2) give
    /// album i the rating albumRating(i, liked). Liked candidates sit at the positions likedAt(b) returns.
    /// </summary>
    private static (HierarchyCatalogue Catalogue, HierarchyRatings Ratings, int[] Users, int[] Tracks, bool[] Labels) World(
        Func<int, bool, float> albumRating, Func<int, int[]> likedAt)
    {
        var n = Lists * 6;
        var albums = Enumerable.Range(0, n).ToArray();
        var none = Enumerable.Repeat(-1, n).ToArray();
        var catalogue = new HierarchyCatalogue(albums, none, new int[n + 1], [], albumCount: n, artistCount: 0, genreCount: 0);
        var users = new int[n];
        var tracks = new int[n];
        var labels = new bool[n];
        for (var b = 0; b < Lists; b++)
        {
            var liked = likedAt(b);
            for (var j = 0; j < 6; j++) { users[6 * b + j] = b; tracks[6 * b + j] = 6 * b + j; labels[6 * b + j] = liked.Contains(j); }
        }
        var (ru, rl, rt, rv) = (new List<int>(), new List<HierarchyLevel>(), new List<int>(), new List<float>());
        for (var i = 0; i < n; i++)
        {
            for (var r = 0; r < 3; r++) { ru.Add(Lists + r); rl.Add(HierarchyLevel.Album); rt.Add(i); rv.Add(albumRating(i, labels[i])); }
        }
        var ratings = HierarchyRatings.Build(Lists + 3, catalogue, [.. ru], [.. rl], [.. rt], [.. rv]);
        return (catalogue, ratings, users, tracks, labels);
    }

    private static PriorChoice Choose((HierarchyCatalogue Catalogue, HierarchyRatings Ratings, int[] Users, int[] Tracks, bool[] Labels) w) =>
        PriorSelection.Choose(w.Catalogue, w.Ratings, w.Users, w.Tracks, w.Labels, blockSize: 6, liked: 3, specStrength: 10);

    [Fact]
    public void Choose_AlbumMeansSeparateTheLabels_PicksAFiniteAlbumC()
    {
        // Liked candidates' albums are rated 90 by the raters, the others 10; the liked sit last, so a tie scores 0.
        var choice = Choose(World((_, liked) => liked ? 90 : 10, _ => [3, 4, 5]));

        Assert.False(double.IsPositiveInfinity(choice.Settings.Strength(HierarchyLevel.Album)));
        Assert.False(choice.Settings.BayesianStepOff);
        Assert.Equal(1.0, choice.ValidationAccuracy, 12);
        Assert.Equal(0.0, choice.OffAccuracy, 12);
        Assert.Equal(1.0, choice.SpecAccuracy, 12);
        Assert.Equal(Lists, choice.Lists);
        Assert.True(choice.Validated);
    }

    [Fact]
    public void Choose_EveryAlbumHasTheSameMean_TiesAtEveryCAndSwitchesTheSmoothingOff()
    {
        var choice = Choose(World((_, _) => 50, b => [b % 6, (b + 2) % 6, (b + 4) % 6]));

        Assert.All(new[] { HierarchyLevel.Track, HierarchyLevel.Album, HierarchyLevel.Artist, HierarchyLevel.Genre },
            l => Assert.True(double.IsPositiveInfinity(choice.Settings.Strength(l))));
        Assert.Equal(PriorMean.Global, choice.Settings.Mean);
        Assert.True(choice.Settings.BayesianStepOff);
        Assert.Contains("Bayesian step off by validation: C = inf", choice.Describe(), StringComparison.Ordinal);
        Assert.All(choice.Curves.Where(c => c.Level == HierarchyLevel.Album).SelectMany(c => c.Points), p => Assert.Equal(choice.ValidationAccuracy, p.Accuracy, 12));
    }

    [Fact]
    public void Choose_AlbumMeansIndependentOfTheLabels_KeepsNoSmoothingOrATie()
    {
        // Album means drawn at random whatever the label; liked positions shuffled per list, so a tie is a coin flip too.
        var rng = new Rng(17);
        var means = Enumerable.Range(0, Lists * 6).Select(_ => (float)(10 + 80 * rng.NextDouble())).ToArray();
        var positions = Enumerable.Range(0, Lists).Select(_ =>
        {
            int[] order = [0, 1, 2, 3, 4, 5];
            rng.Shuffle(order.AsSpan());
            return order[..3];
        }).ToArray();
        var choice = Choose(World((i, _) => means[i], b => positions[b]));

        var album = choice.Curves.First(c => c.Mean == choice.Settings.Mean && c.Level == HierarchyLevel.Album);
        var off = album.Points[^1].Accuracy;
        // Either the smoothing is off, or the finite C it kept is within noise of C = inf (a tie, not a gain).
        Assert.True(double.IsPositiveInfinity(choice.Settings.Strength(HierarchyLevel.Album)) || Math.Abs(choice.ValidationAccuracy - off) < 0.03,
            $"album C {choice.Settings.Strength(HierarchyLevel.Album)}: {choice.ValidationAccuracy} against {off} with no smoothing");
        Assert.InRange(choice.ValidationAccuracy, 0.4, 0.6);
    }

    [Fact]
    public void Beats_NeedsAGainAboveOneStandardError()
    {
        Assert.False(PriorSelection.Beats([1, 0, 1, 0], [0, 1, 0, 1])); // mean gain 0
        Assert.False(PriorSelection.Beats([1, 0, 0, 0], [0, 0, 0, 0])); // 0.25 gain, SE 0.25
        Assert.True(PriorSelection.Beats([1, 1, 1, 0], [0, 0, 0, 0]));  // 0.75 gain, SE 0.25
        Assert.True(PriorSelection.Beats([0.5, 0.5], [0.25, 0.25]));     // constant gain, SE 0
    }

    [Fact]
    public void PriorSettings_RejectsNegativeOrNaNStrengthsAndDescribesInfinity()
    {
        Assert.Throws<ArgumentException>(() => new PriorSettings([1, 2, 3], PriorMean.Global));
        Assert.Throws<ArgumentException>(() => new PriorSettings([1, -2, 3, 4], PriorMean.Global));
        Assert.Throws<ArgumentException>(() => new PriorSettings([1, double.NaN, 3, 4], PriorMean.Global));
        var s = PriorSettings.Spec(10).With(HierarchyLevel.Genre, double.PositiveInfinity);
        Assert.Equal("album C=10, artist C=10, genre C=inf, track C=10; prior mean M (global)", s.Describe());
        Assert.Equal(s, PriorSettings.Spec(10).With(HierarchyLevel.Genre, double.PositiveInfinity));
        Assert.NotEqual(s, PriorSettings.Spec(10));
    }
}
