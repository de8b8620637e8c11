using Encore.Data.Model;

namespace Encore.Data.Splits;

/// <summary>Row selection for rating tables (the rating twin of <see cref="EventTable.Select"/>).</summary>
internal static class RatingRows
{
    public static RatingTable Select(RatingTable ratings, int[] rows)
    {
        var b = new RatingTableBuilder();
        foreach (var r in rows) b.Add(ratings.Users[r], ratings.Levels[r], ratings.Targets[r], ratings.Values[r], ratings.Timestamps[r]);
        return b.Build();
    }
}
