using Encore.Online.Catalogue;

namespace Encore.Online.Store;

/// <summary>The users and tracks tables (upserts by external id) and the idempotency keys that guard repeated calls.</summary>
public interface ICatalogueStore
{
    /// <summary>
    /// Inserts or replaces users in one transaction. With an <paramref name="idempotencyKey"/> seen before (scope
    /// "users"), nothing is written and the result has <see cref="CatalogueResult.Duplicate"/> set.
    /// </summary>
    CatalogueResult UpsertUsers(IReadOnlyList<UserUpdate> users, string? idempotencyKey);

    /// <summary>As <see cref="UpsertUsers"/> for tracks (scope "tracks").</summary>
    CatalogueResult UpsertTracks(IReadOnlyList<TrackUpdate> tracks, string? idempotencyKey);

    /// <summary>Number of rows in the users or tracks table.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="table"/> is neither "users" nor "tracks".</exception>
    long Count(string table);
}
