using System.Globalization;
using Encore.Core.Ids;
using Encore.Data.Model;

namespace Encore.Cli.Output;

/// <summary>
/// Human-readable names for a model's item ids from an optional dataset snapshot: "title - artist" for
/// tracks, the name for artists. The level is decided once by which id map knows more of the model's items
/// (an artist-level model trained on a track log has artist ids). When the snapshot knows fewer than half of the
/// model's items, a warning on standard error says so: a HetRec model shown with piki's snapshot printed a column of
/// empty titles without a word (s16-user).
/// </summary>
internal sealed class ItemLabels
{
    private readonly MusicDataset? _dataset;
    private readonly bool _tracks;

    /// <param name="dataset">The snapshot to name items from; null for none.</param>
    /// <param name="modelItems">The model's item ids.</param>
    /// <param name="datasetPath">The snapshot's folder as the user gave it, for the warning.</param>
    public ItemLabels(MusicDataset? dataset, IdMap modelItems, string? datasetPath = null)
    {
        _dataset = dataset;
        if (dataset is null) return;
        int tracks = 0, artists = 0;
        for (var i = 0; i < modelItems.Count; i++)
        {
            if (dataset.Tracks.Contains(modelItems[i])) tracks++;
            if (dataset.Artists.Contains(modelItems[i])) artists++;
        }
        _tracks = tracks >= artists;
        var known = Math.Max(tracks, artists);
        if (2L * known < modelItems.Count)
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warning: only {known:N0} of the model's {modelItems.Count:N0} items are in the snapshot {datasetPath ?? dataset.Source} ({dataset.Tracks.Count:N0} tracks, {dataset.Artists.Count:N0} artists): was the model trained on another dataset? Items it does not know are shown without a title."));
    }

    public bool HasLabels => _dataset is not null;

    public string Of(string id)
    {
        if (_dataset is null) return "";
        if (_tracks)
        {
            if (!_dataset.Tracks.TryGetIndex(id, out var t)) return "";
            var title = _dataset.TrackInfo.Titles[t] ?? "";
            var artist = _dataset.TrackInfo.Artists[t];
            var artistName = artist >= 0 && artist < _dataset.ArtistInfo.Count ? _dataset.ArtistInfo.Names[artist] : null;
            return artistName is null ? title : $"{title} - {artistName}";
        }
        return _dataset.Artists.TryGetIndex(id, out var a) && a < _dataset.ArtistInfo.Count ? _dataset.ArtistInfo.Names[a] ?? "" : "";
    }
}
