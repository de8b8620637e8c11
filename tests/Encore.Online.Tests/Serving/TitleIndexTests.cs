using Encore.Data.Model;
using Encore.Online.Serving;

namespace Encore.Online.Tests.Serving;

public sealed class TitleIndexTests
{
    private static MusicDataset Playlists()
    {
        var b = new MusicDatasetBuilder("test");
        foreach (var t in new[] { "a", "b", "c", "d" }) b.Tracks.GetOrAdd(t);
        b.PlaylistInfo.Add("Summer Road-Trip", [0, 1]);
        b.PlaylistInfo.Add("road songs", [1, 2]);
        b.PlaylistInfo.Add("sleep", [3]);
        return b.Build();
    }

    [Fact]
    public void Words_SplitsOnNonLettersAndLowercases()
    {
        Assert.Equal(["summer", "road", "trip", "2024"], TitleIndex.Words("Summer Road-Trip (2024)!"));
    }

    [Fact]
    public void Rank_SharedWords_VoteForTracks()
    {
        var sut = new TitleIndex(Playlists());

        var ranked = sut.Rank("ROAD trip", [], 10);

        // a: 2 votes (road, trip), b: 2 (road, trip) + 1 (road) = 3, c: 1.
        Assert.Equal([("b", 3f), ("a", 2f), ("c", 1f)], ranked.Select(r => (r.Track, r.Score)));
    }

    [Fact]
    public void Rank_ExcludedAndUnmatched_AreLeftOut()
    {
        var sut = new TitleIndex(Playlists());

        Assert.Equal(["a", "c"], sut.Rank("road trip", ["b"], 10).Select(r => r.Track));
        Assert.Empty(sut.Rank("jazz", [], 10));
    }
}
