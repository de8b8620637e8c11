using Encore.Core.Sparse;
using Encore.Data.Aggregation;
using Encore.Data.Model;
using Encore.Models.Contract;

namespace Encore.Cli.Arguments;

/// <summary>
/// What <c>encore train</c> feeds a model: the users x items matrix of a snapshot at the requested level,
/// or the playlists x tracks matrix for playlist-kNN.
/// </summary>
internal static class TrainingMatrix
{
    /// <summary>Playlists as rows, their distinct tracks as columns with value 1.</summary>
    public static TrainingData Playlists(MusicDataset dataset)
    {
        var lists = dataset.PlaylistInfo.Tracks;
        if (dataset.PlaylistInfo.Count == 0 || lists.Values.Length == 0)
            throw new ArgumentException("playlist-knn and playlist-combined train on playlists, and this dataset has none (import an MPD slice or a synthetic world).");
        var rows = new int[lists.Values.Length];
        for (var p = 0; p < lists.Count; p++) rows.AsSpan(lists.Offsets[p], lists.Offsets[p + 1] - lists.Offsets[p]).Fill(p);
        var ones = new float[rows.Length];
        ones.AsSpan().Fill(1f);
        var matrix = CsrMatrix.FromTriples(dataset.Playlists.Count, dataset.Tracks.Count, rows, lists.Values, ones, DuplicatePolicy.Max);
        return new TrainingData(matrix, dataset.Playlists, dataset.Tracks);
    }

    /// <summary>Aggregated events at <paramref name="level"/> (the dataset's own level, or artist for a track-level log).</summary>
    public static TrainingData Interactions(MusicDataset dataset, EntityLevel level, AggregationOptions options)
    {
        if (level == dataset.ItemLevel)
        {
            var m = InteractionAggregator.Aggregate(dataset, options);
            return new TrainingData(m.Matrix, m.Users, m.Items);
        }
        if (level == EntityLevel.Artist && dataset.ItemLevel == EntityLevel.Track)
        {
            var events = ArtistEvents(dataset);
            var m = InteractionAggregator.Aggregate(events, dataset.Users, dataset.Artists, options);
            return new TrainingData(m.Matrix, m.Users, m.Items);
        }
        throw new ArgumentException($"--level {level.ToString().ToLowerInvariant()} is not available: this dataset's events are at {dataset.ItemLevel.ToString().ToLowerInvariant()} level.");
    }

    // Track events re-pointed at the track's artist; events of tracks without an artist are dropped.
    private static EventTable ArtistEvents(MusicDataset dataset)
    {
        var events = dataset.Events;
        var artistOf = dataset.TrackInfo.Artists;
        var keep = new List<int>(events.Count);
        for (var i = 0; i < events.Count; i++)
            if ((uint)events.Items[i] < (uint)artistOf.Length && artistOf[events.Items[i]] >= 0) keep.Add(i);
        var selected = events.Select(keep.ToArray());
        for (var i = 0; i < selected.Count; i++) selected.Items[i] = artistOf[selected.Items[i]];
        return selected;
    }
}
