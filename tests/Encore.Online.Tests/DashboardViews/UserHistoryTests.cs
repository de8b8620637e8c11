using Encore.Data.Model;
using Encore.Online.Dashboard;
using Encore.Online.Feedback;

namespace Encore.Online.Tests.DashboardViews;

/// <summary>
/// The user explorer's history on an artist-level base dataset shaped like HetRec: each artist has one event
/// carrying the play count. It was ordered by event count (every artist tied at 1, so by id) and had no title.
/// </summary>
public sealed class UserHistoryTests
{
    private static MusicDataset ArtistLevelPlays()
    {
        var b = new MusicDatasetBuilder("hetrec-shaped") { ItemLevel = EntityLevel.Artist };
        var user = b.Users.GetOrAdd("2");
        foreach (var (id, name, plays) in new[] { ("51", "Duran Duran", 13883f), ("52", "Morcheeba", 40f), ("53", "Air", 9000f) })
        {
            var artist = b.Artists.GetOrAdd(id);
            b.ArtistInfo.Set(artist, name);
            b.Events.Add(user, artist, EventKind.Play, Missing.Time, Missing.Session, plays);
        }
        return b.Build();
    }

    [Fact]
    public void History_ArtistLevelPlayCounts_OrdersBySummedPlaysAndTitlesByArtistName()
    {
        using var scope = new EngineScope(baseDataset: new BaseDatasetSource(ArtistLevelPlays));
        // Two stored plays of Morcheeba without a value count 1 each: 40 + 2 = 42 plays, still below the others.
        scope.Engine.Feedback.Ingest([new FeedbackEvent { User = "2", Track = "52", Kind = "play", Timestamp = 1_700_000_000_000 }, new FeedbackEvent { User = "2", Track = "52", Kind = "play", Timestamp = 1_700_000_001_000 }]);
        var sut = new DashboardService(scope.Engine);

        var history = sut.History("2");

        Assert.Equal(["51", "53", "52"], history.Tracks.Select(t => t.Track));
        Assert.Equal([13883.0, 9000.0, 42.0], history.Tracks.Select(t => t.Total));
        Assert.Equal([1L, 1L, 3L], history.Tracks.Select(t => t.Events));
        Assert.Equal(["Duran Duran", "Air", "Morcheeba"], history.Tracks.Select(t => t.Title));
        Assert.Equal(["base", "base", "both"], history.Tracks.Select(t => t.Source));
        Assert.Equal(5, history.Events);
    }
}
