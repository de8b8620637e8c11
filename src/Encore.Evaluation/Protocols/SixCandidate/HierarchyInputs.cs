using Encore.Data.Model;
using Encore.Models.Hierarchy;

namespace Encore.Evaluation.Protocols.SixCandidate;

/// <summary>Maps the canonical dataset onto the Core-only inputs of the hierarchy models.</summary>
public static class HierarchyInputs
{
    /// <summary>
    /// The track -> album / artist / genres links of the dataset's catalogue (missing links stay -1). A track with
    /// no genres of its own takes its album's genres, else its artist's (IUM tags only artists).
    /// </summary>
    public static HierarchyCatalogue Catalogue(MusicDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var info = dataset.TrackInfo;
        var n = dataset.Tracks.Count;
        var albums = new int[n];
        var artists = new int[n];
        for (var t = 0; t < n; t++)
        {
            albums[t] = t < info.Count ? Link(info.Albums[t]) : -1;
            artists[t] = t < info.Count ? Link(info.Artists[t]) : -1;
        }
        var offsets = new int[n + 1];
        var genres = new List<int>();
        for (var t = 0; t < n; t++)
        {
            var start = genres.Count;
            if (t < info.Genres.Count) foreach (var g in info.Genres[t]) if (g >= 0) genres.Add(g);
            // A track without genres of its own inherits its album's, else its artist's (IUM tags artists only).
            if (genres.Count == start && albums[t] >= 0 && albums[t] < dataset.AlbumInfo.Genres.Count)
                foreach (var g in dataset.AlbumInfo.Genres[albums[t]]) if (g >= 0) genres.Add(g);
            if (genres.Count == start && artists[t] >= 0 && artists[t] < dataset.ArtistInfo.Genres.Count)
                foreach (var g in dataset.ArtistInfo.Genres[artists[t]]) if (g >= 0) genres.Add(g);
            offsets[t + 1] = genres.Count;
        }
        return new HierarchyCatalogue(albums, artists, offsets, [.. genres], dataset.Albums.Count, dataset.Artists.Count, dataset.Genres.Count);
    }

    /// <summary>The rating rows as per-level matrices over <paramref name="userCount"/> users.</summary>
    public static HierarchyRatings Ratings(RatingTable ratings, int userCount, HierarchyCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var levels = new HierarchyLevel[ratings.Count];
        for (var i = 0; i < levels.Length; i++) levels[i] = (HierarchyLevel)(byte)ratings.Levels[i];
        return HierarchyRatings.Build(userCount, catalogue, ratings.Users, levels, ratings.Targets, ratings.Values);
    }

    private static int Link(int id) => id < 0 ? -1 : id;
}
