using Encore.Core.Randomness;
using Encore.Data.Model;
using Encore.Data.Splits;

namespace Encore.Data.Tests.Splits;

public class PlaylistHiddenTracksSplitTests
{
    private static PlaylistTable RandomPlaylists(int count = 300)
    {
        var rng = new Rng(5);
        var b = new PlaylistTableBuilder();
        for (var p = 0; p < count; p++)
        {
            var length = 1 + rng.NextInt(160);
            var tracks = new int[length];
            for (var t = 0; t < length; t++) tracks[t] = rng.NextInt(400); // repeats allowed, as in MPD
            b.Add("list", tracks);
        }
        return b.Build();
    }

    [Fact]
    public void Split_AllCategories_SeedsAndHiddenPartitionEachTestPlaylist()
    {
        var playlists = RandomPlaylists();

        var split = new PlaylistHiddenTracksSplit(playlistsPerCategory: 6, seed: 9).Split(playlists);

        Assert.Equal(60, split.TestCount);
        Assert.Equal(playlists.Count, split.TrainPlaylists.Length + split.TestCount);
        Assert.Empty(split.TrainPlaylists.Intersect(split.TestPlaylists));
        foreach (var category in ChallengeCategories.All)
            Assert.Equal(6, split.Categories.Count(c => c == category));
        for (var j = 0; j < split.TestCount; j++)
        {
            var tracks = playlists.Tracks[split.TestPlaylists[j]].ToArray();
            var category = split.Categories[j];
            var positions = split.SeedPositions[j].ToArray();
            var k = ChallengeCategories.SeedCount(category);
            Assert.Equal(k, positions.Length);
            Assert.Equal(positions.Order().Distinct(), positions);
            if (!ChallengeCategories.RandomSeeds(category)) Assert.Equal(Enumerable.Range(0, k), positions);
            Assert.Equal(positions.Select(t => tracks[t]), split.Seeds[j].ToArray());
            var hidden = Enumerable.Range(0, tracks.Length).Except(positions).Select(t => tracks[t]);
            Assert.Equal(hidden, split.Hidden[j].ToArray());
            Assert.True(split.Hidden[j].Length >= 1);
        }
    }

    [Fact]
    public void Split_NoTitleCategories_DoNotShowTitle()
    {
        var split = new PlaylistHiddenTracksSplit(3, seed: 1).Split(RandomPlaylists());

        for (var j = 0; j < split.TestCount; j++)
        {
            var noTitle = split.Categories[j] is ChallengeCategory.First5NoTitle or ChallengeCategory.First10NoTitle;
            Assert.Equal(!noTitle, split.ShowsTitle(j));
        }
    }

    [Fact]
    public void Split_TooFewLongPlaylists_CategoryGetsFewer()
    {
        var b = new PlaylistTableBuilder();
        b.Add("short", [1, 2, 3]);
        b.Add("long", Enumerable.Range(0, 30).ToArray());

        var split = new PlaylistHiddenTracksSplit(5, categories: [ChallengeCategory.TitleFirst25]).Split(b.Build());

        Assert.Equal([1], split.TestPlaylists);
        Assert.Equal([0], split.TrainPlaylists);
        Assert.Equal(5, split.Hidden[0].Length);
    }

    [Fact]
    public void Split_SameSeed_SameSplitDifferentSeed_Different()
    {
        var playlists = RandomPlaylists();

        var a = new PlaylistHiddenTracksSplit(4, seed: 1).Split(playlists);
        var b = new PlaylistHiddenTracksSplit(4, seed: 1).Split(playlists);
        var c = new PlaylistHiddenTracksSplit(4, seed: 2).Split(playlists);

        Assert.Equal(a.TestPlaylists, b.TestPlaylists);
        Assert.True(a.SeedPositions.ContentEquals(b.SeedPositions));
        Assert.NotEqual(a.TestPlaylists, c.TestPlaylists);
    }
}
