using Encore.Data.Model;
using Parquet.Schema;

namespace Encore.Data.Snapshots;

/// <summary>Writes playlists (one row per playlist) and playlist_tracks (pid, position, track; the long form joins easily).</summary>
internal static class PlaylistTablesWriter
{
    public static async Task WriteAsync(MusicDataset d, SnapshotWriteContext ctx)
    {
        var p = d.PlaylistInfo;
        if (p.Count != d.Playlists.Count)
            throw new ArgumentException(
                $"Dataset has {d.Playlists.Count} playlist ids but {p.Count} playlist rows; every playlist id needs exactly one row.",
                nameof(d));
        var idx = new DataField<int>("playlist_idx");
        var id = new DataField<string>("playlist_id", false);
        var name = new DataField<string>("name", true);
        var owner = new DataField<int>("owner_user_idx", true);
        var followers = new DataField<int>("followers");
        var modified = new DataField<long>("modified_at_ms", true);
        var declared = new DataField<int>("declared_track_count");
        var schema = new ParquetSchema(idx, id, name, owner, followers, modified, declared);
        await ctx.WriteTableAsync(SnapshotTables.Playlists, schema, p.Count, async (g, start, count) =>
        {
            await ColumnWriter.Plain(g, idx, SnapshotWriteContext.Indices(start, count), 0, count);
            await ColumnWriter.Strings(g, id, SnapshotWriteContext.Ids(d.Playlists, start, count), 0, count);
            await ColumnWriter.Strings(g, name, p.Names, start, count);
            await ColumnWriter.WithNulls(g, owner, p.Owners, start, count, Missing.Id);
            await ColumnWriter.Plain(g, followers, p.Followers, start, count);
            await ColumnWriter.WithNulls(g, modified, p.ModifiedAt, start, count, Missing.Time);
            await ColumnWriter.Plain(g, declared, p.DeclaredTrackCounts, start, count);
        });
        await WriteTracksAsync(p.Tracks, ctx);
    }

    private static Task WriteTracksAsync(IntLists lists, SnapshotWriteContext ctx)
    {
        var pid = new DataField<int>("playlist_idx");
        var position = new DataField<int>("position");
        var track = new DataField<int>("track_idx");
        var owners = new int[lists.Values.Length];
        var positions = new int[lists.Values.Length];
        for (var i = 0; i < lists.Count; i++)
            for (var j = lists.Offsets[i]; j < lists.Offsets[i + 1]; j++)
            {
                owners[j] = i;
                positions[j] = j - lists.Offsets[i];
            }
        return ctx.WriteTableAsync(SnapshotTables.PlaylistTracks, new ParquetSchema(pid, position, track), lists.Values.Length,
            async (g, start, count) =>
            {
                await ColumnWriter.Plain(g, pid, owners, start, count);
                await ColumnWriter.Plain(g, position, positions, start, count);
                await ColumnWriter.Plain(g, track, lists.Values, start, count);
            });
    }
}
