using Encore.Data.Model;

namespace Encore.Data.Tests.Snapshots;

/// <summary>A small dataset that fills every table and field, with missing values, non-ASCII text and empty lists.</summary>
internal static class SnapshotFixtures
{
    public static MusicDataset Full()
    {
        var b = new MusicDatasetBuilder("test:full ünïcødé");
        var rock = b.Genres.GetOrAdd("rock");
        var jazz = b.Genres.GetOrAdd("джаз");
        b.Genres.GetOrAdd("unused-genre");
        var u0 = b.Users.GetOrAdd("u0");
        var u1 = b.Users.GetOrAdd("ユーザー1");
        var u2 = b.Users.GetOrAdd("u2");
        var a0 = b.Artists.GetOrAdd("a0");
        var a1 = b.Artists.GetOrAdd("Björk");
        var al0 = b.Albums.GetOrAdd("al0");
        b.Albums.GetOrAdd("al-orphan");
        var t0 = b.Tracks.GetOrAdd("t0");
        var t1 = b.Tracks.GetOrAdd("t1 ñ");
        var t2 = b.Tracks.GetOrAdd("t2");
        var t3 = b.Tracks.GetOrAdd("t3-undescribed");

        b.UserInfo.Set(u0, premium: 1, favouriteGenres: [jazz, rock]);
        b.UserInfo.Set(u1, premium: 0);
        b.UserInfo.SetAttribute(u0, "city", "Zürich");
        b.UserInfo.SetAttribute(u2, "city", "");
        b.UserInfo.SetAttribute(u1, "age", "33");

        b.ArtistInfo.Set(a0, "Artist Zero", [rock]);
        b.ArtistInfo.Set(a1, "Björk Guðmundsdóttir");
        b.AlbumInfo.Set(al0, "Homogenic", [jazz], artist: a1);

        float[] audio = [0.5f, 0.25f, 7, -5.5f, float.NaN, 0.1f, 0, 0.9f, 0.3f, 120.5f];
        b.TrackInfo.Set(t0, new TrackInfo
        {
            Title = "Jóga",
            Artist = a1,
            Album = al0,
            Genres = [jazz, rock],
            DurationMs = 305_000,
            ReleaseDate = 19970922,
            Popularity = 61.5f,
            Explicit = 0,
            Audio = audio,
            Embedding = [0.1f, -0.2f, 3e-8f],
        });
        b.TrackInfo.Set(t1, new TrackInfo { Title = null, Artist = a0, Explicit = 1, ReleaseDate = 20150000, Embedding = [1, float.NaN, 2] });
        b.TrackInfo.Set(t2, new TrackInfo { Title = "", Popularity = 0 });

        b.Events.Add(u0, t0, EventKind.Play, 1_600_000_000_000, 7, 3);
        b.Events.Add(u0, t1, EventKind.Like);
        b.Events.Add(u1, t0, EventKind.Skip, -5, Missing.Session, float.NaN);
        b.Events.Add(u2, t2, EventKind.Other, 0, 0, -1.5f);
        b.Events.Add(u2, t0, EventKind.PlaylistAdd, long.MaxValue, long.MaxValue, float.PositiveInfinity);

        b.Ratings.Add(u0, EntityLevel.Track, t0, 4.5f, 1_500_000_000_000);
        b.Ratings.Add(u1, EntityLevel.Genre, jazz, 90f);
        b.Ratings.Add(u2, EntityLevel.Artist, a1, -1f, 12);

        var p0 = b.Playlists.GetOrAdd("p0");
        var p1 = b.Playlists.GetOrAdd("p-empty");
        var p2 = b.Playlists.GetOrAdd("p2");
        b.PlaylistInfo.Add("Chill ☕", [t2, t0, t2], owner: u1, followers: 12, modifiedAt: 1_400_000_000_000, declaredTrackCount: 5);
        b.PlaylistInfo.Add(null, []);
        b.PlaylistInfo.Add("solo", [t1]);
        _ = (p0, p1, p2);

        var tag0 = b.Tags.GetOrAdd("chill");
        var tag1 = b.Tags.GetOrAdd("généreux");
        b.TagAssignments.Add((u0, EntityLevel.Artist, a1, tag1, 1_300_000_000_000));
        b.TagAssignments.Add((u1, EntityLevel.Track, t0, tag0, Missing.Time));
        b.Friendships.Add((u0, u1));
        b.Friendships.Add((u1, u0));
        b.Candidates.Add((u2, t0, 1));
        b.Candidates.Add((u2, t1, 0));
        b.Candidates.Add((u2, t3, -1));
        return b.Build();
    }

    /// <summary>An empty dataset (every table zero rows).</summary>
    public static MusicDataset Empty() => new MusicDatasetBuilder("test:empty") { ItemLevel = EntityLevel.Artist }.Build();

    public static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "encore-snapshot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
