using Encore.Data.Model;
using Parquet.Schema;

namespace Encore.Data.Snapshots;

/// <summary>Writes users (id, premium, favourite genres as list&lt;int&gt;, one attr_NAME column per attribute) and friendships.</summary>
internal static class UsersTableWriter
{
    public const string AttributePrefix = "attr_";

    public static async Task WriteAsync(MusicDataset d, IReadOnlyList<string> attributeNames, SnapshotWriteContext ctx)
    {
        var idx = new DataField<int>("user_idx");
        var id = new DataField<string>("user_id", false);
        var premium = new DataField<sbyte>("premium");
        var genres = new ListField("favourite_genres", new DataField<int>("element"));
        var attrs = attributeNames.Select(n => new DataField<string>(AttributePrefix + n, true)).ToArray();
        var schema = new ParquetSchema([idx, id, premium, genres, .. attrs]);
        var u = d.UserInfo;
        await ctx.WriteTableAsync(SnapshotTables.Users, schema, d.Users.Count, async (g, start, count) =>
        {
            await ColumnWriter.Plain(g, idx, SnapshotWriteContext.Indices(start, count), 0, count);
            await ColumnWriter.Strings(g, id, SnapshotWriteContext.Ids(d.Users, start, count), 0, count);
            await ColumnWriter.Plain(g, premium, u.Premium, start, count);
            await ColumnWriter.IntList(g, (DataField)genres.Item, u.FavouriteGenres.Offsets, u.FavouriteGenres.Values, start, count);
            for (var a = 0; a < attrs.Length; a++)
                await ColumnWriter.Strings(g, attrs[a], u.Attributes[attributeNames[a]], start, count);
        });

        var from = new DataField<int>("from_user_idx");
        var to = new DataField<int>("to_user_idx");
        var f = d.Friendships;
        await ctx.WriteTableAsync(SnapshotTables.Friendships, new ParquetSchema(from, to), f.Count, async (g, start, count) =>
        {
            await ColumnWriter.Plain(g, from, f.From, start, count);
            await ColumnWriter.Plain(g, to, f.To, start, count);
        });
    }
}
