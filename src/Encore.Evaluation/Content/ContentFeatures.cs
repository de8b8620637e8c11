using Encore.Core.Ids;
using Encore.Data.Content;
using Encore.Data.Model;
using Encore.Models.Contract;

namespace Encore.Evaluation.Content;

/// <summary>
/// Joins a dataset's track content (embedding column and / or audio features) to a training matrix's item map,
/// so content models (affinity) can train on any protocol's split. Null when the items are not tracks or the
/// catalogue carries no content.
/// </summary>
public static class ContentFeatures
{
    /// <exception cref="ArgumentException">An explicit <paramref name="source"/> names content the dataset lacks.</exception>
    public static ItemFeatures? For(MusicDataset dataset, IdMap items, TrackVectorSource source = TrackVectorSource.Auto)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(items);
        if (dataset.ItemLevel != EntityLevel.Track) return null;
        if (source == TrackVectorSource.Auto && dataset.TrackInfo.EmbeddingDimension == 0 && Array.TrueForAll(dataset.TrackInfo.Audio, float.IsNaN))
            return null;
        var (values, dimension, names) = TrackVectors.For(dataset, items, source);
        return new ItemFeatures(dimension, values, names);
    }

    /// <summary>The same training data with the dataset's content attached (unchanged when there is none).</summary>
    public static TrainingData Attach(MusicDataset dataset, TrainingData data, TrackVectorSource source = TrackVectorSource.Auto)
    {
        ArgumentNullException.ThrowIfNull(data);
        var features = For(dataset, data.Items, source);
        return features is null ? data : data.WithItemFeatures(features);
    }
}
