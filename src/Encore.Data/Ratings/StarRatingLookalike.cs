using System.Globalization;
using Encore.Data.Model;

namespace Encore.Data.Ratings;

/// <summary>
/// Spots a data set whose events are all plays carrying values that look like star ratings (every value a multiple of
/// 0.5 between 0.5 and 10, at least three distinct values, and fewer than half of them 1, since small play counts are
/// mostly ones): a MovieLens-shaped <c>ratings.csv</c> imported as a
/// <c>table</c> without <c>kind-default=rating</c>. Such values are then play counts to every model and protocol (a
/// 1-star rating is a relevant play), which the user should hear about.
/// </summary>
public static class StarRatingLookalike
{
    /// <summary>Fewest events for the guess (a handful of values proves nothing).</summary>
    public const int MinimumEvents = 20;

    /// <summary>A one-line note when <paramref name="dataset"/> looks like star ratings read as plays; null otherwise.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    public static string? Note(MusicDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var events = dataset.Events;
        if (events.Count < MinimumEvents || dataset.Ratings.Count > 0) return null;
        var min = float.MaxValue;
        var max = float.MinValue;
        var halves = false;
        var ones = 0;
        Span<bool> seen = stackalloc bool[21]; // 0, 0.5, ..., 10 in half steps
        for (var i = 0; i < events.Count; i++)
        {
            var v = events.Values[i];
            if (events.Kinds[i] != EventKind.Play || !(v >= 0.5f && v <= 10f) || v * 2 != MathF.Round(v * 2)) return null;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            halves |= v != MathF.Round(v);
            if (v == 1f) ones++;
            seen[(int)(v * 2)] = true;
        }
        var distinct = 0;
        foreach (var s in seen) if (s) distinct++;
        if (distinct < 3 || 2 * ones >= events.Count) return null;
        var values = string.Create(CultureInfo.InvariantCulture,
            $"the {events.Count:N0} events are plays whose values run {min:0.#}..{max:0.#} in steps of {(halves ? "0.5" : "1")}");
        return values + ": they look like star ratings read as play counts (every rating, 1 star too, is then a relevant play). " +
            "If they are ratings, import with --set kind-default=rating and evaluate with --set protocol.threshold=<liked score, e.g. 4> (docs/ratings.md).";
    }
}
