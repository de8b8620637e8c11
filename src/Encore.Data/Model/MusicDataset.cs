using Encore.Core.Ids;

namespace Encore.Data.Model;

/// <summary>
/// The canonical dataset every importer produces and every later stage reads: id maps for each entity
/// kind, the catalogue, users, the event log, ratings, playlists, tags, friendships and candidate lists.
/// Every table may be empty. Immutable once built; a record so a stage that replaces one table writes
/// <c>dataset with { Ratings = ... }</c> and shares every other table (equality compares the tables by reference).
/// </summary>
public sealed record MusicDataset
{
    /// <summary>Where the data came from (importer name and inputs), stored in the manifest.</summary>
    public required string Source { get; init; }

    /// <summary>Entity level that <see cref="Events"/> items refer to (Track for logs, Artist for Last.fm HetRec).</summary>
    public EntityLevel ItemLevel { get; init; } = EntityLevel.Track;

    public required IdMap Users { get; init; }
    public required IdMap Tracks { get; init; }
    public required IdMap Artists { get; init; }
    public required IdMap Albums { get; init; }
    public required IdMap Genres { get; init; }
    public required IdMap Playlists { get; init; }
    public required IdMap Tags { get; init; }

    public required TrackTable TrackInfo { get; init; }
    public required NamedEntityTable ArtistInfo { get; init; }
    public required NamedEntityTable AlbumInfo { get; init; }
    public required UserTable UserInfo { get; init; }
    public required EventTable Events { get; init; }
    public required RatingTable Ratings { get; init; }
    public required PlaylistTable PlaylistInfo { get; init; }
    public required TagTable TagAssignments { get; init; }
    public required UserEdgeTable Friendships { get; init; }
    public required CandidateTable Candidates { get; init; }

    /// <summary>The id map of the entity level that events point to.</summary>
    public IdMap Items => MapOf(ItemLevel);

    public IdMap MapOf(EntityLevel level) => level switch
    {
        EntityLevel.Track => Tracks,
        EntityLevel.Album => Albums,
        EntityLevel.Artist => Artists,
        _ => Genres,
    };
}
