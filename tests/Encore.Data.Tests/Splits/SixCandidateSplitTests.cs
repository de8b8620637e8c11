using Encore.Core.Randomness;
using Encore.Data.Model;
using Encore.Data.Splits;
using static Encore.Data.Tests.Splits.SplitFixtures;

namespace Encore.Data.Tests.Splits;

public class SixCandidateSplitTests
{
    private const int Tracks = 120;

    private static RatingTable RandomRatings()
    {
        var rng = new Rng(17);
        var b = new RatingTableBuilder();
        for (var u = 0; u < 40; u++)
        {
            var count = 2 + rng.NextInt(30);
            for (var k = 0; k < count; k++)
            {
                var level = rng.NextInt(5) == 0 ? EntityLevel.Album : EntityLevel.Track;
                b.Add(u, level, rng.NextInt(Tracks), 10 * rng.NextInt(11));
            }
        }
        return b.Build();
    }

    [Fact]
    public void Split_HandFixture_NegativesAreTheOnlyPopularUnratedTracks()
    {
        var b = new RatingTableBuilder();
        foreach (var t in new[] { 0, 1, 2 }) b.Add(0, EntityLevel.Track, t, 90);
        b.Add(0, EntityLevel.Track, 7, 20);
        b.Add(0, EntityLevel.Artist, 1, 100);
        foreach (var t in new[] { 3, 4 }) b.Add(1, EntityLevel.Track, t, 100);
        b.Add(1, EntityLevel.Track, 6, 10); // rated, but never liked: popularity 0
        foreach (var t in new[] { 5, 7 }) b.Add(2, EntityLevel.Track, t, 80); // users 1 and 2 like too few to be tested
        var ratings = b.Build();

        var split = new SixCandidateSplit().Split(ratings, trackCount: 8);

        Assert.Equal([0], split.TestUsers);
        var c = split.Candidates;
        Assert.Equal(6, c.Count);
        Assert.Equal([0, 1, 2], Enumerable.Range(0, 6).Where(j => c.Labels[j] == 1).Select(j => c.Tracks[j]).Order());
        Assert.Equal([3, 4, 5], Enumerable.Range(0, 6).Where(j => c.Labels[j] == 0).Select(j => c.Tracks[j]).Order());
        Assert.Equal([0, 1, 2], split.TestRows);
        Assert.Equal([3, 4, 5, 6, 7, 8, 9], split.TrainRows);
    }

    [Fact]
    public void Split_RandomRatings_ThreePositivesThreeNeverRatedNegatives()
    {
        var ratings = RandomRatings();

        var split = new SixCandidateSplit().Split(ratings, Tracks);

        Assert.NotEmpty(split.TestUsers);
        AssertPartition(ratings.Count, split.TrainRows, split.TestRows);
        var c = split.Candidates;
        Assert.Equal(6 * split.TestUsers.Length, c.Count);
        foreach (var u in split.TestUsers)
        {
            var rows = Enumerable.Range(0, c.Count).Where(j => c.Users[j] == u).ToArray();
            Assert.Equal(6, rows.Length);
            Assert.Equal(6, rows.Select(j => c.Tracks[j]).Distinct().Count());
            var positives = rows.Where(j => c.Labels[j] == 1).Select(j => c.Tracks[j]).ToArray();
            var negatives = rows.Where(j => c.Labels[j] == 0).Select(j => c.Tracks[j]).ToArray();
            Assert.Equal(3, positives.Length);
            Assert.Equal(3, negatives.Length);
            var rated = Enumerable.Range(0, ratings.Count)
                .Where(r => ratings.Users[r] == u && ratings.Levels[r] == EntityLevel.Track).ToArray();
            foreach (var t in positives)
            {
                Assert.Contains(rated, r => ratings.Targets[r] == t && ratings.Values[r] >= 80);
                Assert.DoesNotContain(split.TrainRows, r => ratings.Users[r] == u && ratings.Levels[r] == EntityLevel.Track && ratings.Targets[r] == t);
            }
            foreach (var t in negatives) Assert.DoesNotContain(rated, r => ratings.Targets[r] == t);
        }
        Assert.All(split.TestRows, r => Assert.Contains(ratings.Users[r], split.TestUsers));
    }

    [Fact]
    public void Split_SameSeed_SameSplitDifferentSeed_Different()
    {
        var ratings = RandomRatings();

        var a = new SixCandidateSplit(new SixCandidateSplitOptions { Seed = 1 }).Split(ratings, Tracks);
        var b = new SixCandidateSplit(new SixCandidateSplitOptions { Seed = 1 }).Split(ratings, Tracks);
        var c = new SixCandidateSplit(new SixCandidateSplitOptions { Seed = 2 }).Split(ratings, Tracks);

        Assert.Equal(a.Candidates.Tracks, b.Candidates.Tracks);
        Assert.Equal(a.TestRows, b.TestRows);
        Assert.NotEqual(a.Candidates.Tracks, c.Candidates.Tracks);
    }

    [Fact]
    public void Split_UserFraction_SubsetOfEligibleUsers()
    {
        var ratings = RandomRatings();
        var all = new SixCandidateSplit().Split(ratings, Tracks).TestUsers;

        var half = new SixCandidateSplit(new SixCandidateSplitOptions { UserFraction = 0.5 }).Split(ratings, Tracks).TestUsers;

        Assert.Subset(all.ToHashSet(), half.ToHashSet());
        Assert.InRange(half.Length, all.Length / 2 - 1, all.Length / 2 + 1);
    }
}
