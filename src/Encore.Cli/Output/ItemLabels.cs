using Encore.Core.Ids;
using Encore.Data.Model;

namespace Encore.Cli.Output;

/// <summary>
/// Human-readable names for a model's item ids from an optional dataset snapshot: "title - artist" for
/// tracks, the name for artists. The level is decided once by which id map knows more of the model's items
/// (an artist-level model trained on a track log has artist ids).
/// </summary>
internal sealed class ItemLabels
{
    private readonly MusicDataset? _dataset;
    private readonly bool _tracks;

    public ItemLabels(MusicDataset? dataset, IdMap modelItems)
    {
        _dataset = dataset;
        if (dataset is null) return;
        int tracks = 0, artists = 0;
        for (var i = 0; i < Math.Min(modelItems.Count, 200); i++)
        {
            if (dataset.Tracks.Contains(modelItems[i])) tracks++;
            if (dataset.Artists.Contains(modelItems[i])) artists++;
        }
        _tracks = tracks >= artists;
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
