using Encore.Core.Ids;
using Encore.Core.Interactions;
using Encore.Core.Sparse;
using Encore.Data.Model;

namespace Encore.Data.Aggregation;

/// <summary>
/// Turns an event log (and optionally ratings) into one score per (user, item): the sum of per-event
/// weights, then a <see cref="ConfidenceTransform"/>. Rows follow the user id map, columns the item id map.
/// One pass computes a weight per event; <see cref="CsrMatrix.FromTriples"/> sums duplicates. No per-event objects.
/// </summary>
public static class InteractionAggregator
{
    /// <summary>Aggregates the dataset's events; ratings (if enabled) are read at the dataset's item level.</summary>
    public static InteractionMatrix Aggregate(MusicDataset dataset, AggregationOptions? options = null) =>
        Aggregate(dataset.Events, dataset.Users, dataset.Items, options, dataset.Ratings, dataset.ItemLevel);

    /// <summary>
    /// Aggregates <paramref name="events"/> whose users / items are dense indices of <paramref name="users"/> /
    /// <paramref name="items"/>. Ratings at <paramref name="ratingLevel"/> (Track by default) are added when
    /// <see cref="AggregationOptions.Ratings"/> is not Ignore; ratings at other levels are never mixed in.
    /// </summary>
    public static InteractionMatrix Aggregate(EventTable events, IdMap users, IdMap items, AggregationOptions? options = null,
        RatingTable? ratings = null, EntityLevel ratingLevel = EntityLevel.Track)
    {
        options ??= new AggregationOptions();
        var scores = AggregateScores(events, users.Count, items.Count, options, ratings, ratingLevel);
        return new InteractionMatrix(options.Confidence.Apply(scores), users, items);
    }

    /// <summary>The raw totals (no confidence transform): what <see cref="Preference"/> reads.</summary>
    public static CsrMatrix AggregateScores(EventTable events, int userCount, int itemCount, AggregationOptions options,
        RatingTable? ratings = null, EntityLevel ratingLevel = EntityLevel.Track)
    {
        options.Validate();
        var eventWeights = EventWeigher.Weigh(events, options);
        var ratingScores = options.Ratings == RatingMode.Ignore || ratings is null
            ? null
            : RatingScorer.Score(ratings, ratingLevel, userCount, itemCount, options);

        CsrMatrix totals;
        if (ratingScores is null || ratingScores.NonZeros == 0)
        {
            totals = CsrMatrix.FromTriples(userCount, itemCount, events.Users, events.Items, eventWeights, DuplicatePolicy.Sum);
        }
        else
        {
            var (rows, cols, vals) = Concat(events, eventWeights, ratingScores);
            totals = CsrMatrix.FromTriples(userCount, itemCount, rows, cols, vals, DuplicatePolicy.Sum);
        }
        return options.KeepZeroScores ? totals : SparseValues.DropZeros(totals);
    }

    private static (int[] Rows, int[] Cols, float[] Vals) Concat(EventTable events, float[] eventWeights, CsrMatrix ratingScores)
    {
        var n = events.Count;
        var total = n + ratingScores.NonZeros;
        var rows = new int[total];
        var cols = new int[total];
        var vals = new float[total];
        events.Users.CopyTo(rows, 0);
        events.Items.CopyTo(cols, 0);
        eventWeights.CopyTo(vals, 0);
        ratingScores.ColumnIndices.CopyTo(cols.AsSpan(n));
        ratingScores.Values.CopyTo(vals.AsSpan(n));
        var p = n;
        for (var u = 0; u < ratingScores.Rows; u++)
            for (var k = ratingScores.RowLength(u); k > 0; k--) rows[p++] = u;
        return (rows, cols, vals);
    }
}
