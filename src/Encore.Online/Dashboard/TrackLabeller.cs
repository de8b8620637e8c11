using Encore.Data.Model;
using Encore.Online.Store;

namespace Encore.Online.Dashboard;

/// <summary>Titles and artists for track ids: the service's tracks table first, then the base dataset.</summary>
internal sealed class TrackLabeller(IOnlineStore store, Func<MusicDataset?> baseDataset)
{
    public Dictionary<string, TrackLabel> Label(IEnumerable<string> ids)
    {
        var result = new Dictionary<string, TrackLabel>(StringComparer.Ordinal);
        var dataset = baseDataset();
        foreach (var id in ids.Distinct(StringComparer.Ordinal)) result[id] = FromBase(dataset, id);
        if (result.Count == 0) return result;
        using var connection = store.OpenReadConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT title, artist FROM tracks WHERE track_id = @id;";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "id";
        parameter.DbType = System.Data.DbType.String;
        command.Parameters.Add(parameter);
        foreach (var id in result.Keys.ToList())
        {
            parameter.Value = id;
            using var reader = command.ExecuteReader();
            if (!reader.Read()) continue;
            var known = result[id];
            result[id] = new TrackLabel(id, reader.IsDBNull(0) ? known.Title : reader.GetString(0), reader.IsDBNull(1) ? known.Artist : reader.GetString(1));
        }
        return result;
    }

    private static TrackLabel FromBase(MusicDataset? dataset, string id)
    {
        if (dataset is null) return new TrackLabel(id, null, null);
        // An artist-level item (HetRec) is titled by the artist's name: the item is the artist.
        if (dataset.ItemLevel == EntityLevel.Artist && dataset.Artists.TryGetIndex(id, out var a))
            return a < dataset.ArtistInfo.Count ? new TrackLabel(id, dataset.ArtistInfo.Names[a], dataset.ArtistInfo.Names[a]) : new TrackLabel(id, null, null);
        if (!dataset.Tracks.TryGetIndex(id, out var t) || t >= dataset.TrackInfo.Count) return new TrackLabel(id, null, null);
        var artist = dataset.TrackInfo.Artists[t];
        return new TrackLabel(id, dataset.TrackInfo.Titles[t], artist >= 0 && artist < dataset.ArtistInfo.Count ? dataset.ArtistInfo.Names[artist] : null);
    }
}
