using Encore.Data.Model;

namespace Encore.Evaluation.Protocols;

/// <summary>
/// Per evaluated item: its artist and genres, for diversity metrics. Either may be absent (null) when the
/// catalogue does not have it; items whose own level is the artist have no artist diversity to measure.
/// </summary>
public sealed class ItemCatalogue
{
    public ItemCatalogue(int[]? artists, IntLists? genres)
    {
        Artists = artists;
        Genres = genres;
    }

    /// <value>Artist index per item (negative = unknown), or null.</value>
    public int[]? Artists { get; }

    /// <value>Genre list per item, or null.</value>
    public IntLists? Genres { get; }

    public static ItemCatalogue None { get; } = new(null, null);

    /// <summary>
    /// Reads artists and genres of the dataset's item level. <paramref name="datasetItem"/> maps an evaluated
    /// item to the dataset's item index (-1 = not in the dataset); null means the identity.
    /// </summary>
    public static ItemCatalogue From(MusicDataset dataset, int itemCount, Func<int, int>? datasetItem = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var artists = new int[itemCount];
        var genres = new IntListsBuilder();
        var anyArtist = false;
        var anyGenre = false;
        for (var i = 0; i < itemCount; i++)
        {
            var d = datasetItem is null ? i : datasetItem(i);
            var artist = d < 0 ? Missing.Id : ArtistOf(dataset, d);
            var itemGenres = d < 0 ? [] : GenresOf(dataset, d, artist);
            artists[i] = artist;
            anyArtist |= artist >= 0;
            anyGenre |= !itemGenres.IsEmpty;
            genres.AddEntry(itemGenres);
        }
        return new ItemCatalogue(anyArtist ? artists : null, anyGenre ? genres.Build() : null);
    }

    // Albums link to an artist; artists are their own level, so there is no artist to diversify.
    private static int ArtistOf(MusicDataset dataset, int item) => dataset.ItemLevel switch
    {
        EntityLevel.Track when item < dataset.TrackInfo.Count => dataset.TrackInfo.Artists[item],
        EntityLevel.Album when item < dataset.AlbumInfo.Count => dataset.AlbumInfo.Artists[item],
        _ => Missing.Id,
    };

    // Tracks take their own genres, else their artist's.
    private static ReadOnlySpan<int> GenresOf(MusicDataset dataset, int item, int artist)
    {
        switch (dataset.ItemLevel)
        {
            case EntityLevel.Track:
                var own = item < dataset.TrackInfo.Count ? dataset.TrackInfo.Genres[item] : [];
                return !own.IsEmpty || artist < 0 || artist >= dataset.ArtistInfo.Count ? own : dataset.ArtistInfo.Genres[artist];
            case EntityLevel.Album:
                return item < dataset.AlbumInfo.Count ? dataset.AlbumInfo.Genres[item] : [];
            case EntityLevel.Artist:
                return item < dataset.ArtistInfo.Count ? dataset.ArtistInfo.Genres[item] : [];
            default:
                return [];
        }
    }
}
