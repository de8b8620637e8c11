namespace Encore.Data.Snapshots;

/// <summary>
/// The tables of a snapshot, in the fixed order used for the dataset content hash. Changing this order or
/// a name changes every content hash: bump <see cref="SnapshotManifest.CurrentSchemaVersion"/> if you do.
/// </summary>
internal static class SnapshotTables
{
    public const string Users = "users";
    public const string Tracks = "tracks";
    public const string Artists = "artists";
    public const string Albums = "albums";
    public const string Genres = "genres";
    public const string Tags = "tags";
    public const string Playlists = "playlists";
    public const string PlaylistTracks = "playlist_tracks";
    public const string Events = "events";
    public const string Ratings = "ratings";
    public const string TagAssignments = "tag_assignments";
    public const string Friendships = "friendships";
    public const string Candidates = "candidates";

    public static readonly IReadOnlyList<string> All =
    [
        Users, Tracks, Artists, Albums, Genres, Tags, Playlists, PlaylistTracks,
        Events, Ratings, TagAssignments, Friendships, Candidates,
    ];

    public static string FileName(string table) => table + ".parquet";
}
