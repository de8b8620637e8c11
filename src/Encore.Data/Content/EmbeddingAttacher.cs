using Encore.Data.Model;

namespace Encore.Data.Content;

/// <summary>What <see cref="EmbeddingAttacher.Attach"/> did: how many vectors matched a catalogue track.</summary>
public sealed record EmbeddingAttachReport(int Vectors, int Matched, int UnknownIds, int DuplicateIds, int TracksWithout, int Dimension);

/// <summary>
/// Puts imported vectors into a dataset's track embedding column, matching external track ids. Vectors of
/// unknown ids are counted and skipped; a repeated id keeps its last vector; tracks without a vector get a
/// NaN row (the column's "missing" marker). Everything else in the dataset is shared, not copied.
/// </summary>
public static class EmbeddingAttacher
{
    public static (MusicDataset Dataset, EmbeddingAttachReport Report) Attach(MusicDataset dataset, TrackVectorFile vectors)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(vectors);
        var count = dataset.Tracks.Count;
        var d = vectors.Dimension;
        var embeddings = new float[count * d];
        embeddings.AsSpan().Fill(float.NaN);
        var seen = new bool[count];
        int matched = 0, unknown = 0, duplicates = 0;
        for (var i = 0; i < vectors.Ids.Length; i++)
        {
            if (!dataset.Tracks.TryGetIndex(vectors.Ids[i], out var track)) { unknown++; continue; }
            if (seen[track]) duplicates++;
            else matched++;
            seen[track] = true;
            vectors.Row(i).CopyTo(embeddings.AsSpan(track * d, d));
        }
        var info = dataset.TrackInfo;
        var table = new TrackTable
        {
            Titles = info.Titles,
            Artists = info.Artists,
            Albums = info.Albums,
            Genres = info.Genres,
            DurationsMs = info.DurationsMs,
            ReleaseDates = info.ReleaseDates,
            Popularity = info.Popularity,
            Explicit = info.Explicit,
            Audio = info.Audio,
            EmbeddingDimension = d,
            Embeddings = embeddings,
        };
        var result = dataset with { TrackInfo = table };
        return (result, new EmbeddingAttachReport(vectors.Ids.Length, matched, unknown, duplicates, count - matched, d));
    }
}
