using System.Globalization;
using Encore.Core.Ids;
using Encore.Data.Model;

namespace Encore.Data.Synthetic;

/// <summary>
/// Turns the generated arrays into a <see cref="MusicDataset"/>: ids "u1", "t1", "ar1", "al1", "p1"
/// (1-based, dense index + 1), seeded pronounceable names (<see cref="PronounceableNames"/>), genre names as genre ids; the large columns are handed over without copies.
/// </summary>
internal static class SyntheticDatasetAssembler
{
    public static MusicDataset Build(SyntheticWorldOptions o, SyntheticCatalogue c, SyntheticTastes tastes,
        TrackFeatureGenerator.Result features, EventTable events, RatingTable ratings, PlaylistTable playlists)
    {
        var artists = new NamedEntityTableBuilder();
        var albums = new NamedEntityTableBuilder();
        var userInfo = new UserTableBuilder();
        for (var a = 0; a < c.ArtistCount; a++)
        {
            var secondary = c.ArtistSecondaryGenres[a];
            artists.Set(a, PronounceableNames.Artist(o.Seed, a), secondary < 0 ? [c.ArtistGenres[a]] : [c.ArtistGenres[a], secondary]);
        }
        for (var al = 0; al < c.AlbumCount; al++)
            albums.Set(al, PronounceableNames.Album(o.Seed, al), [c.ArtistGenres[c.AlbumArtists[al]]], c.AlbumArtists[al]);
        var users = o.Users;
        for (var u = 0; u < users; u++) userInfo.Set(u, tastes.Premium[u], tastes.FavouriteGenres[u].ToArray());
        return new MusicDataset
        {
            Source = Source(o),
            ItemLevel = EntityLevel.Track,
            Users = Ids("u", users),
            Tracks = Ids("t", c.TrackCount),
            Artists = Ids("ar", c.ArtistCount),
            Albums = Ids("al", c.AlbumCount),
            Genres = IdMap.FromIds(c.Genres.Names),
            Playlists = Ids("p", playlists.Count),
            Tags = new IdMap(),
            TrackInfo = Tracks(o, c, features),
            ArtistInfo = artists.Build(c.ArtistCount),
            AlbumInfo = albums.Build(c.AlbumCount),
            UserInfo = userInfo.Build(users),
            Events = events,
            Ratings = ratings,
            PlaylistInfo = playlists,
            TagAssignments = TagTable.Empty,
            Friendships = UserEdgeTable.Empty,
            Candidates = CandidateTable.Empty,
        };
    }

    private static TrackTable Tracks(SyntheticWorldOptions o, SyntheticCatalogue c, TrackFeatureGenerator.Result features)
    {
        var n = c.TrackCount;
        var titles = new string?[n];
        var dates = new int[n];
        var genres = new IntListsBuilder();
        for (var t = 0; t < n; t++)
        {
            titles[t] = PronounceableNames.Track(o.Seed, t);
            dates[t] = c.AlbumReleaseDates[c.TrackAlbums[t]];
            genres.AddValue(c.TrackGenres[t]);
            var secondary = c.SecondaryGenreOf(t);
            if (secondary >= 0) genres.AddValue(secondary);
            genres.EndEntry();
        }
        return new TrackTable
        {
            Titles = titles,
            Artists = c.TrackArtists,
            Albums = c.TrackAlbums,
            Genres = genres.Build(),
            DurationsMs = c.TrackDurationsMs,
            ReleaseDates = dates,
            Popularity = c.TrackPopularity,
            Explicit = features.Explicit,
            Audio = features.Audio,
            EmbeddingDimension = features.EmbeddingDimension,
            Embeddings = features.Embeddings,
        };
    }

    private static IdMap Ids(string prefix, int count)
    {
        var ids = new string[count];
        for (var i = 0; i < count; i++) ids[i] = string.Create(CultureInfo.InvariantCulture, $"{prefix}{i + 1}");
        return IdMap.FromIds(ids);
    }

    private static string Source(SyntheticWorldOptions o) => string.Create(CultureInfo.InvariantCulture,
        $"synthetic (seed {o.Seed}, {o.Users} users, {o.Tracks} tracks, {o.Genres} genres, {o.TargetEvents} events)");
}
