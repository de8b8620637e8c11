using Encore.Core.Ids;
using Encore.Data.Model;

namespace Encore.Data.Snapshots;

/// <summary>Reads users (id map + attributes) and friendships back.</summary>
internal static class UsersTableReader
{
    public static Task<(IdMap Users, UserTable Info)> ReadUsersAsync(SnapshotReadContext ctx) =>
        ctx.ReadTableAsync(SnapshotTables.Users, async r =>
        {
            var ids = await IdTableReader.ReadIdsAsync(r, "user");
            var premium = await r.PlainAsync<sbyte>("premium");
            var genres = await r.IntListAsync("favourite_genres");
            var attributes = new Dictionary<string, string?[]>(StringComparer.Ordinal);
            foreach (var name in ctx.Manifest.UserAttributes)
                attributes[name] = await r.StringsAsync(UsersTableWriter.AttributePrefix + name);
            return (ids, new UserTable { Premium = premium, FavouriteGenres = genres, Attributes = attributes });
        });

    public static Task<UserEdgeTable> ReadFriendshipsAsync(SnapshotReadContext ctx) =>
        ctx.ReadTableAsync(SnapshotTables.Friendships, async r => new UserEdgeTable
        {
            From = await r.PlainAsync<int>("from_user_idx"),
            To = await r.PlainAsync<int>("to_user_idx"),
        });
}
