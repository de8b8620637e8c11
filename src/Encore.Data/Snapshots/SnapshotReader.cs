using Encore.Core.Errors;
using Encore.Data.Model;

namespace Encore.Data.Snapshots;

/// <summary>Reads every table of a validated snapshot and assembles the <see cref="MusicDataset"/>.</summary>
internal static class SnapshotReader
{
    public static async Task<MusicDataset> ReadAsync(string folder, SnapshotManifest manifest, CancellationToken ct)
    {
        if (!Enum.TryParse<EntityLevel>(manifest.ItemLevel, ignoreCase: false, out var itemLevel) || !Enum.IsDefined(itemLevel))
            throw new ModelFormatException($"{Path.Combine(folder, ManifestFile.Name)}: field 'itemLevel': '{manifest.ItemLevel}' is not one of Track, Album, Artist, Genre.");
        var ctx = new SnapshotReadContext(folder, manifest, ct);
        var (users, userInfo) = await UsersTableReader.ReadUsersAsync(ctx);
        var (tracks, trackInfo) = await CatalogueTablesReader.ReadTracksAsync(ctx);
        var (artists, artistInfo) = await CatalogueTablesReader.ReadNamedAsync(ctx, SnapshotTables.Artists, "artist", withArtist: false);
        var (albums, albumInfo) = await CatalogueTablesReader.ReadNamedAsync(ctx, SnapshotTables.Albums, "album", withArtist: true);
        var genres = await IdTableReader.ReadIdTableAsync(ctx, SnapshotTables.Genres, "genre");
        var tags = await IdTableReader.ReadIdTableAsync(ctx, SnapshotTables.Tags, "tag");
        var (playlists, playlistInfo) = await PlaylistTablesReader.ReadAsync(ctx);
        return new MusicDataset
        {
            Source = manifest.Source,
            ItemLevel = itemLevel,
            Users = users,
            Tracks = tracks,
            Artists = artists,
            Albums = albums,
            Genres = genres,
            Playlists = playlists,
            Tags = tags,
            TrackInfo = trackInfo,
            ArtistInfo = artistInfo,
            AlbumInfo = albumInfo,
            UserInfo = userInfo,
            Events = await InteractionTablesReader.ReadEventsAsync(ctx),
            Ratings = await InteractionTablesReader.ReadRatingsAsync(ctx),
            PlaylistInfo = playlistInfo,
            TagAssignments = await InteractionTablesReader.ReadTagsAsync(ctx),
            Friendships = await UsersTableReader.ReadFriendshipsAsync(ctx),
            Candidates = await InteractionTablesReader.ReadCandidatesAsync(ctx),
        };
    }
}
