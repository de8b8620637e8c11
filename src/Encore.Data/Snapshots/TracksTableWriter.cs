using Encore.Data.Model;
using Parquet.Schema;

namespace Encore.Data.Snapshots;

/// <summary>
/// Writes tracks: ids, title, artist / album as index and external id (null when unknown), genres list,
/// duration, release date, popularity, explicit, the ten audio features and the embedding as list&lt;float&gt;.
/// </summary>
internal static class TracksTableWriter
{
    public static Task WriteAsync(MusicDataset d, SnapshotWriteContext ctx)
    {
        var t = d.TrackInfo;
        var idx = new DataField<int>("track_idx");
        var id = new DataField<string>("track_id", false);
        var title = new DataField<string>("title", true);
        var artistIdx = new DataField<int>("artist_idx", true);
        var artistId = new DataField<string>("artist_id", true);
        var albumIdx = new DataField<int>("album_idx", true);
        var albumId = new DataField<string>("album_id", true);
        var genres = new ListField("genres", new DataField<int>("element"));
        var duration = new DataField<int>("duration_ms", true);
        var release = new DataField<int>("release_date");
        var popularity = new DataField<float>("popularity");
        var explicitFlag = new DataField<sbyte>("explicit");
        var audio = AudioFeatures.Names.Select(n => new DataField<float>(n)).ToArray();
        var embedding = new ListField("embedding", new DataField<float>("element"));
        List<Field> fields = [idx, id, title, artistIdx, artistId, albumIdx, albumId, genres, duration, release, popularity, explicitFlag, .. audio];
        if (t.EmbeddingDimension > 0) fields.Add(embedding);

        return ctx.WriteTableAsync(SnapshotTables.Tracks, new ParquetSchema(fields), d.Tracks.Count, async (g, start, count) =>
        {
            await ColumnWriter.Plain(g, idx, SnapshotWriteContext.Indices(start, count), 0, count);
            await ColumnWriter.Strings(g, id, SnapshotWriteContext.Ids(d.Tracks, start, count), 0, count);
            await ColumnWriter.Strings(g, title, t.Titles, start, count);
            await ColumnWriter.WithNulls(g, artistIdx, t.Artists, start, count, Missing.Id);
            await ColumnWriter.Strings(g, artistId, SnapshotWriteContext.ExternalIds(d.Artists, t.Artists, start, count), 0, count);
            await ColumnWriter.WithNulls(g, albumIdx, t.Albums, start, count, Missing.Id);
            await ColumnWriter.Strings(g, albumId, SnapshotWriteContext.ExternalIds(d.Albums, t.Albums, start, count), 0, count);
            await ColumnWriter.IntList(g, (DataField)genres.Item, t.Genres.Offsets, t.Genres.Values, start, count);
            await ColumnWriter.WithNulls(g, duration, t.DurationsMs, start, count, -1);
            await ColumnWriter.Plain(g, release, t.ReleaseDates, start, count);
            await ColumnWriter.Plain(g, popularity, t.Popularity, start, count);
            await ColumnWriter.Plain(g, explicitFlag, t.Explicit, start, count);
            for (var f = 0; f < AudioFeatures.Count; f++)
                await ColumnWriter.Plain(g, audio[f], AudioColumn(t, f, start, count), 0, count);
            if (t.EmbeddingDimension > 0)
                await ColumnWriter.FloatRows(g, (DataField)embedding.Item, t.Embeddings, t.EmbeddingDimension, start, count);
        });
    }

    private static float[] AudioColumn(TrackTable t, int feature, int start, int count)
    {
        var result = new float[count];
        for (var i = 0; i < count; i++) result[i] = t.Audio[((start + i) * AudioFeatures.Count) + feature];
        return result;
    }
}
