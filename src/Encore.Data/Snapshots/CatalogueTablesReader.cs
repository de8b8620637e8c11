using Encore.Core.Ids;
using Encore.Data.Model;

namespace Encore.Data.Snapshots;

/// <summary>Reads tracks, artists and albums back into id maps and columnar tables.</summary>
internal static class CatalogueTablesReader
{
    public static Task<(IdMap Tracks, TrackTable Info)> ReadTracksAsync(SnapshotReadContext ctx) =>
        ctx.ReadTableAsync(SnapshotTables.Tracks, async r =>
        {
            var ids = await IdTableReader.ReadIdsAsync(r, "track");
            var dim = ctx.Manifest.EmbeddingDimension;
            var info = new TrackTable
            {
                Titles = await r.StringsAsync("title"),
                Artists = await r.WithNullsAsync("artist_idx", Missing.Id),
                Albums = await r.WithNullsAsync("album_idx", Missing.Id),
                Genres = await r.IntListAsync("genres"),
                DurationsMs = await r.WithNullsAsync("duration_ms", -1),
                ReleaseDates = await r.PlainAsync<int>("release_date"),
                Popularity = await r.PlainAsync<float>("popularity"),
                Explicit = await r.PlainAsync<sbyte>("explicit"),
                Audio = await ReadAudioAsync(r),
                EmbeddingDimension = dim,
                Embeddings = dim > 0 ? await r.FloatRowsAsync("embedding", dim) : [],
            };
            return (ids, info);
        });

    public static Task<(IdMap Map, NamedEntityTable Info)> ReadNamedAsync(SnapshotReadContext ctx, string table, string prefix, bool withArtist) =>
        ctx.ReadTableAsync(table, async r =>
        {
            var ids = await IdTableReader.ReadIdsAsync(r, prefix);
            var names = await r.StringsAsync("name");
            int[] artists;
            if (withArtist) artists = await r.WithNullsAsync("artist_idx", Missing.Id);
            else
            {
                artists = new int[ids.Count];
                Array.Fill(artists, Missing.Id);
            }
            var genres = await r.IntListAsync("genres");
            return (ids, new NamedEntityTable { Names = names, Artists = artists, Genres = genres });
        });

    private static async Task<float[]> ReadAudioAsync(ParquetTableReader r)
    {
        var rows = (int)r.RowCount;
        var audio = new float[rows * AudioFeatures.Count];
        for (var f = 0; f < AudioFeatures.Count; f++)
        {
            var column = await r.PlainAsync<float>(AudioFeatures.Names[f]);
            for (var i = 0; i < rows; i++) audio[(i * AudioFeatures.Count) + f] = column[i];
        }
        return audio;
    }
}
