using Encore.Core.Ids;
using Encore.Data.Model;

namespace Encore.Data.Content;

/// <summary>
/// Content vectors of the items a model trains on: for each id of the item map the track's
/// embedding and / or audio features, looked up by external id in the catalogue. A value the catalogue
/// lacks is NaN (the content transform imputes it); an item that is not a track gets an all-NaN row.
/// </summary>
public static class TrackVectors
{
    /// <summary>Row-major items.Count x dimension values, the dimension and one name per column.</summary>
    /// <exception cref="ArgumentException">The requested source is empty in this dataset (the message says what to import).</exception>
    public static (float[] Values, int Dimension, string[] Names) For(MusicDataset dataset, IdMap items, TrackVectorSource source = TrackVectorSource.Auto)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(items);
        var info = dataset.TrackInfo;
        var hasEmbedding = info.EmbeddingDimension > 0;
        var hasAudio = HasAnyAudio(info);
        if (source == TrackVectorSource.Auto) source = hasEmbedding ? TrackVectorSource.Embedding : TrackVectorSource.Audio;
        var useEmbedding = source is TrackVectorSource.Embedding or TrackVectorSource.Both;
        var useAudio = source is TrackVectorSource.Audio or TrackVectorSource.Both;
        if (useEmbedding && !hasEmbedding)
            throw new ArgumentException("this dataset has no track embeddings; add them with `encore import embeddings <file> --dataset <snapshot> -o <out>` or use the audio features.");
        if (useAudio && !hasAudio)
            throw new ArgumentException("this dataset's tracks carry no audio features; import track embeddings (`encore import embeddings`) instead.");
        var ed = useEmbedding ? info.EmbeddingDimension : 0;
        var ad = useAudio ? AudioFeatures.Count : 0;
        var d = ed + ad;
        var names = new string[d];
        for (var j = 0; j < ed; j++) names[j] = $"embedding[{j}]";
        for (var j = 0; j < ad; j++) names[ed + j] = AudioFeatures.Names[j];
        var values = new float[items.Count * d];
        values.AsSpan().Fill(float.NaN);
        for (var i = 0; i < items.Count; i++)
        {
            if (!dataset.Tracks.TryGetIndex(items[i], out var track)) continue;
            var row = values.AsSpan(i * d, d);
            if (ed > 0) info.EmbeddingOf(track).CopyTo(row);
            if (ad > 0) info.AudioOf(track).CopyTo(row[ed..]);
        }
        return (values, d, names);
    }

    private static bool HasAnyAudio(TrackTable info)
    {
        foreach (var v in info.Audio)
            if (!float.IsNaN(v)) return true;
        return false;
    }
}
