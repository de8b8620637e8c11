using System.Globalization;
using Encore.Data.Model;

namespace Encore.Data.Ratings;

/// <summary>
/// The relevance threshold of ratings when the user set none (docs/ratings.md, "The threshold as it comes"): the source's
/// documented default when there is one (<see cref="RatingScale"/>: Yahoo! R3 4 of 1..5, KDD Cup 80 of 0..100), otherwise
/// 4/5 of the highest rating in the data, the scale's top: 4 on 1..5 and on 0.5..5 (MovieLens), 8 on 1..10, 80 on 0..100.
/// A rating of 1 star is then not a relevant pair, as it was with the plain default 1.
/// </summary>
public static class RatingThresholdRule
{
    /// <summary>The threshold on a scale whose highest rating is <paramref name="highest"/>: highest x 4 / 5 (exact for 5, 10 and 100).</summary>
    /// <param name="highest">The scale's top rating, above 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="highest"/> is not a finite number above 0.</exception>
    public static float Of(float highest)
    {
        if (!(highest > 0 && float.IsFinite(highest)))
            throw new ArgumentOutOfRangeException(nameof(highest), highest, "the highest rating must be a finite number above 0.");
        return highest * 4f / 5f;
    }

    /// <summary>The highest rating at the data set's item level (rating table rows and rating events with a value); null when there is none above 0.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    public static float? Highest(MusicDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var highest = float.NegativeInfinity;
        var r = dataset.Ratings;
        for (var i = 0; i < r.Count; i++)
            if (r.Levels[i] == dataset.ItemLevel && float.IsFinite(r.Values[i])) highest = Math.Max(highest, r.Values[i]);
        var e = dataset.Events;
        for (var i = 0; i < e.Count; i++)
            if (e.Kinds[i] == EventKind.Rating && float.IsFinite(e.Values[i])) highest = Math.Max(highest, e.Values[i]);
        return highest > 0 ? highest : null;
    }

    /// <summary>
    /// The default threshold of <paramref name="dataset"/>'s ratings: the source's documented one, else 4/5 of the highest
    /// rating; null when neither applies (no documented scale and no rating above 0). <c>Automatic</c> is true for the rule
    /// from the data; <c>Origin</c> says where it came from, e.g. "auto: 4/5 of the highest rating 5" or
    /// "yahoo-r3 default: >= 4 of 1..5".
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    public static (float Threshold, string Origin, bool Automatic)? Default(MusicDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (RatingScale.ForSource(dataset.Source) is { } scale) return (scale.Threshold, scale.Describe(), false);
        if (Highest(dataset) is not { } top) return null;
        return (Of(top), string.Create(CultureInfo.InvariantCulture, $"auto: 4/5 of the highest rating {top}"), true);
    }
}
