using Encore.Core.Ids;
using Encore.Data.Model;
using Parquet.Schema;

namespace Encore.Data.Snapshots;

/// <summary>Writes artists, albums (with their artist link) and the plain id tables genres and tags.</summary>
internal static class CatalogueTablesWriter
{
    public static async Task WriteAsync(MusicDataset d, SnapshotWriteContext ctx)
    {
        await WriteNamedAsync(SnapshotTables.Artists, "artist", d.Artists, d.ArtistInfo, withArtist: false, d, ctx);
        await WriteNamedAsync(SnapshotTables.Albums, "album", d.Albums, d.AlbumInfo, withArtist: true, d, ctx);
        await WriteIdsAsync(SnapshotTables.Genres, "genre", d.Genres, ctx);
        await WriteIdsAsync(SnapshotTables.Tags, "tag", d.Tags, ctx);
    }

    private static Task WriteNamedAsync(string table, string prefix, IdMap map, NamedEntityTable info, bool withArtist,
        MusicDataset d, SnapshotWriteContext ctx)
    {
        var idx = new DataField<int>(prefix + "_idx");
        var id = new DataField<string>(prefix + "_id", false);
        var name = new DataField<string>("name", true);
        var artistIdx = new DataField<int>("artist_idx", true);
        var artistId = new DataField<string>("artist_id", true);
        var genres = new ListField("genres", new DataField<int>("element"));
        List<Field> fields = withArtist ? [idx, id, name, artistIdx, artistId, genres] : [idx, id, name, genres];
        return ctx.WriteTableAsync(table, new ParquetSchema(fields), map.Count, async (g, start, count) =>
        {
            await ColumnWriter.Plain(g, idx, SnapshotWriteContext.Indices(start, count), 0, count);
            await ColumnWriter.Strings(g, id, SnapshotWriteContext.Ids(map, start, count), 0, count);
            await ColumnWriter.Strings(g, name, info.Names, start, count);
            if (withArtist)
            {
                await ColumnWriter.WithNulls(g, artistIdx, info.Artists, start, count, Missing.Id);
                await ColumnWriter.Strings(g, artistId, SnapshotWriteContext.ExternalIds(d.Artists, info.Artists, start, count), 0, count);
            }
            await ColumnWriter.IntList(g, (DataField)genres.Item, info.Genres.Offsets, info.Genres.Values, start, count);
        });
    }

    private static Task WriteIdsAsync(string table, string prefix, IdMap map, SnapshotWriteContext ctx)
    {
        var idx = new DataField<int>(prefix + "_idx");
        var id = new DataField<string>(prefix + "_id", false);
        return ctx.WriteTableAsync(table, new ParquetSchema(idx, id), map.Count, async (g, start, count) =>
        {
            await ColumnWriter.Plain(g, idx, SnapshotWriteContext.Indices(start, count), 0, count);
            await ColumnWriter.Strings(g, id, SnapshotWriteContext.Ids(map, start, count), 0, count);
        });
    }
}
