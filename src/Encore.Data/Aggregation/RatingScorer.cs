using Encore.Core.Sparse;
using Encore.Data.Model;

namespace Encore.Data.Aggregation;

/// <summary>
/// Ratings at one entity level as a users x items score matrix. When a user rated the same item more than
/// once, the rating given last (in table order) counts, as a re-rating replaces the earlier opinion.
/// </summary>
internal static class RatingScorer
{
    public static CsrMatrix Score(RatingTable ratings, EntityLevel level, int userCount, int itemCount, AggregationOptions options)
    {
        var count = 0;
        for (var r = 0; r < ratings.Count; r++)
            if (ratings.Levels[r] == level && !float.IsNaN(ratings.Values[r])) count++;
        var users = new int[count];
        var items = new int[count];
        var scores = new float[count];
        var p = 0;
        for (var r = 0; r < ratings.Count; r++)
        {
            if (ratings.Levels[r] != level || float.IsNaN(ratings.Values[r])) continue;
            var s = ToScore(ratings.Values[r], options);
            if (options.Decay is not null) s *= options.Decay.Factor(ratings.Timestamps[r]);
            users[p] = ratings.Users[r];
            items[p] = ratings.Targets[r];
            scores[p++] = s;
        }
        return CsrMatrix.FromTriples(userCount, itemCount, users, items, scores, DuplicatePolicy.Last);
    }

    private static float ToScore(float value, AggregationOptions options) => options.Ratings switch
    {
        RatingMode.Raw => value,
        RatingMode.Binary => value >= options.RatingThreshold ? 1f : 0f,
        RatingMode.AboveThreshold => Math.Max(value - options.RatingThreshold, 0f),
        _ => 0f,
    };
}
