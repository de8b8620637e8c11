using Encore.Models.Hierarchy;

namespace Encore.Models.Tests.Hierarchy;

/// <summary>
/// Planted validation lists for the adaptive choices (scale form, evidence confidence): list b is user b's, tracks
/// 6b..6b+5, each on its own album, artist and genre; the first three of each list are the liked ones. A rater (user
/// <c>lists</c>) rated every album and artist <c>raterScore</c> and every genre 0, which sets the level means the
/// Bayesian stand-ins fall to (smoothing off, level means as priors); the caller adds each list user's own ratings.
/// </summary>
internal static class PlantedSixCandidateLists
{
    /// <summary>One rating of a list user: the level, the track whose album / artist / genre is rated, the score.</summary>
    public delegate void Rate(HierarchyLevel level, int track, float score);

    /// <summary>Features (Bayesian + siblings), labels and priors of <paramref name="lists"/> planted lists.</summary>
    /// <param name="lists">Number of lists (and list users).</param>
    /// <param name="raterScore">The rater's score of every album and artist (0..100).</param>
    /// <param name="rateTrack">Called per (list, position in the list 0..5, track): adds the list user's ratings.</param>
    public static (PairFeatures[] Features, bool[] Labels, LevelPriors Priors) Build(int lists, float raterScore, Action<int, int, int, Rate> rateTrack)
    {
        var n = 6 * lists;
        var ids = Enumerable.Range(0, n).ToArray();
        var catalogue = new HierarchyCatalogue(ids, [.. ids], Enumerable.Range(0, n + 1).ToArray(), [.. ids], albumCount: n, artistCount: n, genreCount: n);
        var (users, levels, targets, values) = (new List<int>(), new List<HierarchyLevel>(), new List<int>(), new List<float>());
        void Add(int u, HierarchyLevel l, int t, float v) { users.Add(u); levels.Add(l); targets.Add(t); values.Add(v); }
        for (var i = 0; i < n; i++)
        {
            Add(lists, HierarchyLevel.Album, i, raterScore);
            Add(lists, HierarchyLevel.Artist, i, raterScore);
            Add(lists, HierarchyLevel.Genre, i, 0);
        }
        var labels = new bool[n];
        for (var b = 0; b < lists; b++)
        {
            for (var j = 0; j < 6; j++)
            {
                var t = 6 * b + j;
                labels[t] = j < 3;
                var user = b;
                rateTrack(b, j, t, (l, track, v) => Add(user, l, track, v));
            }
        }
        var ratings = HierarchyRatings.Build(lists + 1, catalogue, [.. users], [.. levels], [.. targets], [.. values]);
        var priors = new LevelPriors(ratings, PriorSettings.Off(PriorMean.Level));
        var extractor = new FeatureExtractor(catalogue, ratings, priors, FallbackMode.Bayesian, useSiblings: true);
        return ([.. ids.Select(t => extractor.Compute(t / 6, t))], labels, priors);
    }
}
