using Encore.Core.Randomness;
using Encore.Evaluation.Metrics;
using Encore.Models.Hierarchy;

namespace Encore.Models.Tests.Hierarchy;

/// <summary>
/// A planted hierarchy preference: 30 artists x 2 albums x 3 tracks, genre = artist. Each of 60 users loves
/// artists F0 and F1 (rates F0 at 90 and its genre at 80, F1's first album at 85 and one track of F1's second
/// album at 95) and dislikes artist D (artist and first album at 15). Each list holds three unrated tracks of
/// the loved artists (one reachable only through a sibling track) and three of D or of an artist O nobody
/// in the user's profile touches. Every strategy must recover the preference.
/// </summary>
public sealed class PlantedPreferenceTests
{
    private const int Users = 60;
    private const int Artists = 30;

    [Theory]
    [InlineData(HierarchyStrategy.MaxGenre, 0.75)]
    [InlineData(HierarchyStrategy.Weighted, 0.75)]
    [InlineData(HierarchyStrategy.WeightedBayesSiblings, 1.0)]
    [InlineData(HierarchyStrategy.Adaptive, 1.0)]
    [InlineData(HierarchyStrategy.LearnedFallback, 1.0)]
    public void Strategy_PlantedArtistAndAlbumPreference_IsRecovered(HierarchyStrategy strategy, double atLeast)
    {
        var catalogue = Catalogue();
        var ratings = Ratings(catalogue);
        var (mode, siblings) = strategy.Features();
        var sut = new FeatureExtractor(catalogue, ratings, new LevelPriors(ratings, 10), mode, siblings);
        var (users, tracks, labels) = Lists();
        var scores = new double[tracks.Length];
        for (var i = 0; i < scores.Length; i++)
            scores[i] = StrategyScorer.Score(strategy, sut.Compute(users[i], tracks[i]), fallback: 0);
        var accuracy = SixCandidateAccuracy.Compute(scores, labels);
        Assert.InRange(accuracy, atLeast, 1.0);
        // The sibling-aware strategies get every list right; the plain ones miss only the sibling-only track.
        if (atLeast < 1) Assert.InRange(accuracy, 0.75, 0.95);
    }

    private static HierarchyCatalogue Catalogue()
    {
        var tracks = Artists * 6;
        var albums = new int[tracks];
        var artists = new int[tracks];
        var offsets = new int[tracks + 1];
        var genres = new int[tracks];
        for (var t = 0; t < tracks; t++)
        {
            albums[t] = t / 3;
            artists[t] = t / 6;
            genres[t] = t / 6;
            offsets[t + 1] = t + 1;
        }
        return new HierarchyCatalogue(albums, artists, offsets, genres, Artists * 2, Artists, Artists);
    }

    private static (int F0, int F1, int D, int O) Planted(int u) => (u % Artists, (u + 7) % Artists, (u + 15) % Artists, (u + 22) % Artists);

    private static HierarchyRatings Ratings(HierarchyCatalogue catalogue)
    {
        var (users, levels, targets, values) = (new List<int>(), new List<HierarchyLevel>(), new List<int>(), new List<float>());
        void Add(int u, HierarchyLevel l, int t, float v) { users.Add(u); levels.Add(l); targets.Add(t); values.Add(v); }
        for (var u = 0; u < Users; u++)
        {
            var (f0, f1, d, _) = Planted(u);
            Add(u, HierarchyLevel.Artist, f0, 90);
            Add(u, HierarchyLevel.Genre, f0, 80);
            Add(u, HierarchyLevel.Album, 2 * f1, 85);
            Add(u, HierarchyLevel.Track, 3 * (2 * f1 + 1), 95);
            Add(u, HierarchyLevel.Artist, d, 15);
            Add(u, HierarchyLevel.Album, 2 * d, 15);
        }
        return HierarchyRatings.Build(Users, catalogue, [.. users], [.. levels], [.. targets], [.. values]);
    }

    private static (int[] Users, int[] Tracks, bool[] Labels) Lists()
    {
        var (users, tracks, labels) = (new List<int>(), new List<int>(), new List<bool>());
        for (var u = 0; u < Users; u++)
        {
            var (f0, f1, d, o) = Planted(u);
            var list = new (int Track, bool Liked)[]
            {
                (3 * 2 * f0, true), (3 * 2 * f1 + 1, true), (3 * (2 * f1 + 1) + 1, true),
                (3 * 2 * d, false), (3 * (2 * d + 1), false), (3 * 2 * o, false),
            };
            var rng = Rng.Fork(7, (ulong)u);
            rng.Shuffle(list.AsSpan());
            foreach (var (t, liked) in list) { users.Add(u); tracks.Add(t); labels.Add(liked); }
        }
        return ([.. users], [.. tracks], [.. labels]);
    }
}
