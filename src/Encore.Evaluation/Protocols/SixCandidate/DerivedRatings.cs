using Encore.Core.Errors;
using Encore.Data.Aggregation;
using Encore.Data.Model;

namespace Encore.Evaluation.Protocols.SixCandidate;

/// <summary>
/// Track ratings for datasets without explicit ones (IUM, listening logs), so the six-candidate protocol can
/// run on them. A (user, track) pair's interaction total is the default aggregation (play 1, like 1,
/// playlist-add 1, skip and other kinds 0; <c>docs/aggregation.md</c>); the pair's rating is 100 x its
/// mid-rank among the user's pairs with a positive total, divided by their count (so the user's top 20%
/// of tracks rate 80 or more); pairs whose total is 0 or less (e.g. skipped only) rate 0. Only the track
/// level is derived: album, artist and genre ratings do not exist and are never invented. Ratings carry no time.
/// </summary>
public static class DerivedRatings
{
    /// <summary>What the label says when ratings were derived.</summary>
    public const string Description = "ratings derived from interaction totals (play 1, like 1; rating = 100 x within-user rank percentile)";

    /// <summary>The derived track ratings of <paramref name="dataset"/>'s events (rows by user, then track).</summary>
    /// <exception cref="DataFormatException">The dataset's events are not about tracks (HetRec's are about artists).</exception>
    public static RatingTable FromInteractions(MusicDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        // Events of another level index artists (or albums), not tracks: deriving "track" ratings from them would
        // read artist indices as track indices.
        if (dataset.ItemLevel != EntityLevel.Track)
            throw new DataFormatException(dataset.Source, 0, "events",
                $"the events are about {Plural(dataset.ItemLevel)}, not tracks, and there are no track ratings; the six-candidate protocol and the hierarchy model rank tracks (SPEC S4 / KDD Cup 2011 track 2 data, IUM sessions, or `encore synth --preset hierarchy`).");
        var totals = InteractionAggregator.AggregateScores(dataset.Events, dataset.Users.Count, dataset.Tracks.Count,
            new AggregationOptions { KeepZeroScores = true });
        var builder = new RatingTableBuilder();
        var positive = new List<(float Total, int Track)>();
        for (var u = 0; u < totals.Rows; u++)
        {
            var tracks = totals.RowIndices(u);
            var values = totals.RowValues(u);
            positive.Clear();
            for (var j = 0; j < tracks.Length; j++)
            {
                if (values[j] > 0) positive.Add((values[j], tracks[j]));
                else builder.Add(u, EntityLevel.Track, tracks[j], 0);
            }
            positive.Sort((a, b) => a.Total != b.Total ? a.Total.CompareTo(b.Total) : a.Track.CompareTo(b.Track));
            var n = positive.Count;
            for (var start = 0; start < n;)
            {
                var end = start + 1;
                while (end < n && positive[end].Total == positive[start].Total) end++;
                var midRank = (start + 1 + end) / 2.0; // 1-based ranks start+1 .. end share their mean
                var rating = (float)Math.Round(100 * midRank / n);
                for (var k = start; k < end; k++) builder.Add(u, EntityLevel.Track, positive[k].Track, rating);
                start = end;
            }
        }
        return builder.Build();
    }

    private static string Plural(EntityLevel level) => level switch
    {
        EntityLevel.Artist => "artists",
        EntityLevel.Album => "albums",
        EntityLevel.Genre => "genres",
        _ => level.ToString().ToLowerInvariant() + "s",
    };

    /// <summary>A view of <paramref name="dataset"/> whose ratings are <paramref name="ratings"/> (everything else shared).</summary>
    public static MusicDataset WithRatings(MusicDataset dataset, RatingTable ratings)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(ratings);
        return dataset with { Ratings = ratings };
    }
}
