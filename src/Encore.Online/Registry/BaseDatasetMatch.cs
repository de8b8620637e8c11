using System.Globalization;
using Encore.Core.Ids;
using Encore.Data.Model;

namespace Encore.Online.Registry;

/// <summary>
/// Whether a served model was trained on the catalogue of the base data set it is served with (<c>serve --dataset</c>):
/// titles, histories and retraining all read the data set by the model's item ids, so a model from another data set
/// answers with ids that name other tracks, or none. Model files carry no data set hash, so the check is the catalogue:
/// at least half of the model's items must be in the data set's tracks or artists (an artist-level model, such as
/// HetRec's, has artist ids). The same rule as <c>recommend --dataset</c>'s warning.
/// </summary>
public static class BaseDatasetMatch
{
    /// <summary>
    /// Null when <paramref name="dataset"/> knows at least half of <paramref name="modelItems"/> (or the model has none);
    /// else the refusal: "model 'main' (path) does not match the data set ...: 0 of its 500 items are among its 17,632
    /// artists or 0 tracks; ...".
    /// </summary>
    /// <param name="name">The model's name, for the message.</param>
    /// <param name="path">The model's file, for the message.</param>
    /// <param name="modelItems">The model's item ids.</param>
    /// <param name="dataset">The base data set.</param>
    /// <param name="datasetPath">The data set's folder as given, for the message.</param>
    public static string? Mismatch(string name, string path, IdMap modelItems, MusicDataset dataset, string datasetPath)
    {
        ArgumentNullException.ThrowIfNull(modelItems);
        ArgumentNullException.ThrowIfNull(dataset);
        if (modelItems.Count == 0) return null;
        int tracks = 0, artists = 0;
        for (var i = 0; i < modelItems.Count; i++)
        {
            if (dataset.Tracks.Contains(modelItems[i])) tracks++;
            if (dataset.Artists.Contains(modelItems[i])) artists++;
        }
        var known = Math.Max(tracks, artists);
        if (2L * known >= modelItems.Count) return null;
        var counts = string.Create(CultureInfo.InvariantCulture,
            $"only {known:N0} of its {modelItems.Count:N0} items are among the data set's {dataset.Tracks.Count:N0} tracks or {dataset.Artists.Count:N0} artists");
        return $"model '{name}' ({path}) was not trained on the data set {datasetPath}: {counts}, so it would answer with ids the data set does not name. " +
            "Serve the data set the model was trained on, or train a model on this one (encore train <dataset> --model <name> -o model.bin).";
    }
}
