using Encore.Core.Errors;
using Encore.Core.Ids;
using Encore.Data.Model;

namespace Encore.Data.Snapshots;

/// <summary>Reads playlists and rebuilds each playlist's ordered track list from playlist_tracks.</summary>
internal static class PlaylistTablesReader
{
    public static async Task<(IdMap Map, PlaylistTable Info)> ReadAsync(SnapshotReadContext ctx)
    {
        var (map, names, owners, followers, modified, declared) = await ctx.ReadTableAsync(SnapshotTables.Playlists, async r => (
            await IdTableReader.ReadIdsAsync(r, "playlist"),
            await r.StringsAsync("name"),
            await r.WithNullsAsync("owner_user_idx", Missing.Id),
            await r.PlainAsync<int>("followers"),
            await r.WithNullsAsync("modified_at_ms", Missing.Time),
            await r.PlainAsync<int>("declared_track_count")));
        var tracks = await ctx.ReadTableAsync(SnapshotTables.PlaylistTracks, r => ReadTracksAsync(r, map.Count));
        return (map, new PlaylistTable
        {
            Names = names,
            Owners = owners,
            Followers = followers,
            ModifiedAt = modified,
            DeclaredTrackCounts = declared,
            Tracks = tracks,
        });
    }

    /// <summary>Rows must come grouped by playlist in index order with positions 0, 1, 2... (as written).</summary>
    private static async Task<IntLists> ReadTracksAsync(ParquetTableReader r, int playlists)
    {
        var pids = await r.PlainAsync<int>("playlist_idx");
        var positions = await r.PlainAsync<int>("position");
        var tracks = await r.PlainAsync<int>("track_idx");
        var offsets = new int[playlists + 1];
        for (var i = 0; i < pids.Length; i++)
        {
            var pid = pids[i];
            var ordered = pid >= 0 && pid < playlists && (i == 0 || pid >= pids[i - 1]) && positions[i] == offsets[pid + 1];
            if (!ordered)
                throw new ModelFormatException(
                    $"{r.File}: row {i}: playlist {pid} position {positions[i]} is out of order; rows must be sorted by playlist_idx, position.");
            offsets[pid + 1]++;
        }
        for (var p = 0; p < playlists; p++) offsets[p + 1] += offsets[p];
        return new IntLists(offsets, tracks);
    }
}
