using Encore.Data.Model;
using Encore.Data.Synthetic;

namespace Encore.Data.Tests.Synthetic;

public sealed class SyntheticWorldStructureTests(SyntheticWorldFixture fixture) : IClassFixture<SyntheticWorldFixture>
{
    public static TheoryData<string> Worlds => ["Tiny", "Small"];

    private SyntheticWorld World(string name) => name == "Tiny" ? fixture.Tiny : fixture.Small;

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Generate_Preset_CountsMatchOptions(string name)
    {
        var sut = World(name);
        var o = sut.Options;
        var d = sut.Dataset;

        Assert.Equal(o.TargetEvents, d.Events.Count);
        Assert.Equal(o.TargetEvents, sut.UserEventCounts.Sum(c => (long)c));
        Assert.All(sut.UserEventCounts, c => Assert.True(c >= 1));
        Assert.Equal((o.Users, o.Tracks, o.Artists, o.Artists * o.AlbumsPerArtist, o.Genres, o.Playlists),
            (d.Users.Count, d.Tracks.Count, d.Artists.Count, d.Albums.Count, d.Genres.Count, d.Playlists.Count));
        Assert.Equal(o.Tracks, d.TrackInfo.Count);
        Assert.Equal(o.LatentDimension * o.Tracks, sut.TrackLatent.Length);
        Assert.Equal(o.LatentDimension * o.Users, sut.UserTaste.Length);
        Assert.InRange(d.Ratings.Count, o.Users * o.MeanRatingsPerUser * 0.8, o.Users * o.MeanRatingsPerUser * 1.2);
        Assert.Equal("u1", d.Users[0]);
        Assert.Equal("t1", d.Tracks[0]);
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Generate_Preset_EveryLinkInRange(string name)
    {
        var d = World(name).Dataset;
        var tracks = d.TrackInfo;

        Assert.All(tracks.Artists, a => Assert.InRange(a, 0, d.Artists.Count - 1));
        Assert.All(tracks.Albums, a => Assert.InRange(a, 0, d.Albums.Count - 1));
        Assert.All(tracks.Genres.Values, g => Assert.InRange(g, 0, d.Genres.Count - 1));
        for (var t = 0; t < tracks.Count; t++) Assert.Equal(tracks.Artists[t], d.AlbumInfo.Artists[tracks.Albums[t]]);
        Assert.All(d.ArtistInfo.Genres.Values, g => Assert.InRange(g, 0, d.Genres.Count - 1));
        Assert.All(d.UserInfo.FavouriteGenres.Values, g => Assert.InRange(g, 0, d.Genres.Count - 1));
        Assert.All(d.Events.Users, u => Assert.InRange(u, 0, d.Users.Count - 1));
        Assert.All(d.Events.Items, t => Assert.InRange(t, 0, d.Tracks.Count - 1));
        Assert.All(d.PlaylistInfo.Owners, u => Assert.InRange(u, 0, d.Users.Count - 1));
        Assert.All(d.PlaylistInfo.Tracks.Values, t => Assert.InRange(t, 0, d.Tracks.Count - 1));
        for (var r = 0; r < d.Ratings.Count; r++)
        {
            Assert.InRange(d.Ratings.Targets[r], 0, d.MapOf(d.Ratings.Levels[r]).Count - 1);
            Assert.InRange(d.Ratings.Values[r], 0f, 100f);
            Assert.Equal(MathF.Round(d.Ratings.Values[r]), d.Ratings.Values[r]);
        }
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Generate_Preset_SessionsFollowTheS1Pattern(string name)
    {
        var sut = World(name);
        var e = sut.Dataset.Events;
        var end = sut.Options.StartTime.ToUnixTimeMilliseconds() + sut.Options.SpanDays * 86_400_000L;
        var lastPlayed = -1;
        for (var i = 0; i < e.Count; i++)
        {
            var sameSession = i > 0 && e.Sessions[i] == e.Sessions[i - 1];
            if (sameSession)
            {
                Assert.True(e.Timestamps[i] > e.Timestamps[i - 1], $"row {i}: time must increase within a session");
                Assert.Equal(e.Users[i - 1], e.Users[i]);
            }
            else if (i > 0)
            {
                Assert.Equal(e.Sessions[i - 1] + 1, e.Sessions[i]); // dense session ids in user order
            }
            Assert.InRange(e.Timestamps[i], sut.Options.StartTime.ToUnixTimeMilliseconds(), end + 30L * 86_400_000);
            if (e.Kinds[i] is EventKind.Skip or EventKind.Like)
            {
                Assert.True(sameSession && e.Kinds[i - 1] == EventKind.Play && e.Items[i - 1] == lastPlayed,
                    $"row {i}: a {e.Kinds[i]} must follow a play of the same track in the same session");
            }
            else
            {
                Assert.Equal(EventKind.Play, e.Kinds[i]);
            }
            lastPlayed = e.Items[i];
        }
        Assert.Equal(0, e.Sessions[0]);
        Assert.All(e.Values, v => Assert.True(float.IsNaN(v)));
    }

    [Fact]
    public void Generate_Small_AudioFeaturesInRealisticRanges()
    {
        var tracks = fixture.Small.Dataset.TrackInfo;

        for (var t = 0; t < tracks.Count; t++)
        {
            var a = tracks.AudioOf(t);
            Assert.Equal(MathF.Round(a[2]), a[2]);
            Assert.InRange(a[2], 0f, 11f);
            Assert.InRange(a[3], -60f, 0f);
            Assert.InRange(a[9], 60f, 200f);
            foreach (var f in (int[])[0, 1, 4, 5, 6, 7, 8]) Assert.InRange(a[f], 0f, 1f);
            Assert.InRange(tracks.DurationsMs[t], 30_000, 1_200_000);
            Assert.InRange(tracks.Popularity[t], 0f, 100f);
        }
        Assert.Equal(32, tracks.EmbeddingDimension);
        Assert.DoesNotContain(tracks.Embeddings, float.IsNaN);
    }

    [Fact]
    public void Generate_Small_AudioFeaturesDependOnGenre()
    {
        var sut = fixture.Small;
        var tracks = sut.Dataset.TrackInfo;
        // Mean tempo per genre spreads far wider than the sampling error of a genre mean.
        var sums = new double[sut.Options.Genres];
        var counts = new int[sut.Options.Genres];
        for (var t = 0; t < tracks.Count; t++)
        {
            sums[sut.TrackGenres[t]] += tracks.AudioOf(t)[9];
            counts[sut.TrackGenres[t]]++;
        }
        var means = sums.Select((s, g) => s / counts[g]).ToArray();

        Assert.True(means.Max() - means.Min() > 30, $"genre tempo means {means.Min():F0}..{means.Max():F0}");
    }

    [Fact]
    public void Generate_Tiny_PlaylistsHoldDistinctTracks()
    {
        var p = fixture.Tiny.Dataset.PlaylistInfo;

        for (var i = 0; i < p.Count; i++)
        {
            var tracks = p.Tracks[i].ToArray();
            Assert.True(tracks.Length >= 4);
            Assert.Equal(tracks.Length, tracks.Distinct().Count());
        }
    }
}
