using Encore.Core.Ids;
using Encore.Data.Model;

namespace Encore.Data.Tests.Snapshots;

/// <summary>Compares two datasets id map by id map and column by column; floats compare NaN-aware and bit-exact otherwise.</summary>
internal static class DatasetAssert
{
    public static void Equal(MusicDataset expected, MusicDataset actual)
    {
        Assert.Equal(expected.Source, actual.Source);
        Assert.Equal(expected.ItemLevel, actual.ItemLevel);
        Maps(expected.Users, actual.Users, "users");
        Maps(expected.Tracks, actual.Tracks, "tracks");
        Maps(expected.Artists, actual.Artists, "artists");
        Maps(expected.Albums, actual.Albums, "albums");
        Maps(expected.Genres, actual.Genres, "genres");
        Maps(expected.Playlists, actual.Playlists, "playlists");
        Maps(expected.Tags, actual.Tags, "tags");
        Tracks(expected.TrackInfo, actual.TrackInfo);
        Named(expected.ArtistInfo, actual.ArtistInfo, "artists");
        Named(expected.AlbumInfo, actual.AlbumInfo, "albums");
        Users(expected.UserInfo, actual.UserInfo);
        Events(expected.Events, actual.Events);
        Ratings(expected.Ratings, actual.Ratings);
        Playlists(expected.PlaylistInfo, actual.PlaylistInfo);
        Tags(expected.TagAssignments, actual.TagAssignments);
        Column(expected.Friendships.From, actual.Friendships.From, "friendships.from");
        Column(expected.Friendships.To, actual.Friendships.To, "friendships.to");
        Column(expected.Candidates.Users, actual.Candidates.Users, "candidates.users");
        Column(expected.Candidates.Tracks, actual.Candidates.Tracks, "candidates.tracks");
        Column(expected.Candidates.Labels, actual.Candidates.Labels, "candidates.labels");
    }

    public static void Maps(IdMap expected, IdMap actual, string what)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: {expected.Count} ids expected, got {actual.Count}");
        for (var i = 0; i < expected.Count; i++)
            Assert.True(expected[i] == actual[i], $"{what}[{i}]: expected '{expected[i]}', got '{actual[i]}'");
    }

    public static void Column<T>(T[] expected, T[] actual, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: {expected.Length} rows expected, got {actual.Length}");
        for (var i = 0; i < expected.Length; i++)
            Assert.True(EqualityComparer<T>.Default.Equals(expected[i], actual[i]), $"{what}[{i}]: expected {expected[i]}, got {actual[i]}");
    }

    public static void Floats(float[] expected, float[] actual, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: {expected.Length} values expected, got {actual.Length}");
        for (var i = 0; i < expected.Length; i++)
        {
            var same = float.IsNaN(expected[i]) ? float.IsNaN(actual[i]) : BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(actual[i]);
            Assert.True(same, $"{what}[{i}]: expected {expected[i]}, got {actual[i]}");
        }
    }

    public static void Lists(IntLists expected, IntLists actual, string what)
    {
        Column(expected.Offsets, actual.Offsets, what + ".offsets");
        Column(expected.Values, actual.Values, what + ".values");
    }

    private static void Tracks(TrackTable e, TrackTable a)
    {
        Column(e.Titles, a.Titles, "tracks.titles");
        Column(e.Artists, a.Artists, "tracks.artists");
        Column(e.Albums, a.Albums, "tracks.albums");
        Lists(e.Genres, a.Genres, "tracks.genres");
        Column(e.DurationsMs, a.DurationsMs, "tracks.durations");
        Column(e.ReleaseDates, a.ReleaseDates, "tracks.release");
        Floats(e.Popularity, a.Popularity, "tracks.popularity");
        Column(e.Explicit, a.Explicit, "tracks.explicit");
        Floats(e.Audio, a.Audio, "tracks.audio");
        Assert.Equal(e.EmbeddingDimension, a.EmbeddingDimension);
        Floats(e.Embeddings, a.Embeddings, "tracks.embeddings");
    }

    private static void Named(NamedEntityTable e, NamedEntityTable a, string what)
    {
        Column(e.Names, a.Names, what + ".names");
        Column(e.Artists, a.Artists, what + ".artists");
        Lists(e.Genres, a.Genres, what + ".genres");
    }

    private static void Users(UserTable e, UserTable a)
    {
        Column(e.Premium, a.Premium, "users.premium");
        Lists(e.FavouriteGenres, a.FavouriteGenres, "users.favouriteGenres");
        Assert.Equal(e.Attributes.Keys.Order(StringComparer.Ordinal), a.Attributes.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, column) in e.Attributes) Column(column, a.Attributes[name], "users.attr." + name);
    }

    private static void Events(EventTable e, EventTable a)
    {
        Column(e.Users, a.Users, "events.users");
        Column(e.Items, a.Items, "events.items");
        Column(e.Kinds, a.Kinds, "events.kinds");
        Column(e.Timestamps, a.Timestamps, "events.timestamps");
        Column(e.Sessions, a.Sessions, "events.sessions");
        Floats(e.Values, a.Values, "events.values");
    }

    private static void Ratings(RatingTable e, RatingTable a)
    {
        Column(e.Users, a.Users, "ratings.users");
        Column(e.Levels, a.Levels, "ratings.levels");
        Column(e.Targets, a.Targets, "ratings.targets");
        Floats(e.Values, a.Values, "ratings.values");
        Column(e.Timestamps, a.Timestamps, "ratings.timestamps");
    }

    private static void Playlists(PlaylistTable e, PlaylistTable a)
    {
        Column(e.Names, a.Names, "playlists.names");
        Column(e.Owners, a.Owners, "playlists.owners");
        Column(e.Followers, a.Followers, "playlists.followers");
        Column(e.ModifiedAt, a.ModifiedAt, "playlists.modified");
        Column(e.DeclaredTrackCounts, a.DeclaredTrackCounts, "playlists.declared");
        Lists(e.Tracks, a.Tracks, "playlists.tracks");
    }

    private static void Tags(TagTable e, TagTable a)
    {
        Column(e.Users, a.Users, "tags.users");
        Column(e.Levels, a.Levels, "tags.levels");
        Column(e.Targets, a.Targets, "tags.targets");
        Column(e.Tags, a.Tags, "tags.tags");
        Column(e.Timestamps, a.Timestamps, "tags.timestamps");
    }
}
