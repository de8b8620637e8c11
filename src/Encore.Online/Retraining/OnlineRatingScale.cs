using System.Globalization;
using Encore.Data.Model;
using Encore.Data.Ratings;

namespace Encore.Online.Retraining;

/// <summary>
/// How a rating posted to the event API (always 0..100, <see cref="Feedback.EventValidator"/>) is read next to the base
/// dataset's ratings in a retrain: linearly onto the base's scale, <c>lo + (hi - lo) * v / 100</c>, so the same
/// threshold and values mean the same on both (a posted 80 is a Yahoo 4.2, above Yahoo's threshold 4; a posted 50 is a
/// 3). The base's scale is its source's documented one (<see cref="RatingScale"/>: Yahoo! R3 1..5, KDD Cup 0..100), else
/// the range of its ratings (lowest..highest; 0..highest when every rating is the same). With no base ratings the
/// posted 0..100 is kept as it is.
/// </summary>
/// <param name="Low">The base scale's lowest rating (what a posted 0 becomes).</param>
/// <param name="High">The base scale's highest rating (what a posted 100 becomes); above <paramref name="Low"/>.</param>
/// <param name="Origin">Where the scale came from, for notes: "yahoo-r3 scale", "observed range", "event API scale".</param>
public sealed record OnlineRatingScale(float Low, float High, string Origin)
{
    /// <summary>Highest rating the event API takes; the posted scale is 0..this.</summary>
    public const float ApiTop = 100f;

    /// <summary>The event API's own 0..100, kept when there are no base ratings to line up with.</summary>
    public static OnlineRatingScale Api { get; } = new(0, ApiTop, "event API scale");

    /// <summary>True when a posted rating is read as it is (the base scale is 0..100 or there is none).</summary>
    public bool IsIdentity => Low == 0 && High == ApiTop;

    /// <summary>The scale posted ratings are mapped onto for <paramref name="baseDataset"/> (null: no base, the API's own).</summary>
    public static OnlineRatingScale For(MusicDataset? baseDataset)
    {
        if (baseDataset is null || RatingEvents.Count(baseDataset) == 0) return Api;
        if (RatingScale.ForSource(baseDataset.Source) is { } documented)
            return new(documented.Minimum, documented.Maximum, $"{documented.Source} scale");
        var (low, high) = Range(baseDataset);
        if (!(low < high)) low = Math.Min(0f, high);
        return low < high ? new(low, high, "observed range") : Api;
    }

    /// <summary>A posted rating (0..100) on this scale: <c>Low + (High - Low) * value / 100</c>. Non-finite values pass unchanged.</summary>
    public float Map(float value) => IsIdentity || !float.IsFinite(value) ? value : Low + (High - Low) * value / ApiTop;

    /// <summary>For notes, e.g. "posted ratings 0..100 read as 1..5 (yahoo-r3 scale: lo + (hi - lo) x v / 100)".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"posted ratings 0..100 read as {Low:0.###}..{High:0.###} ({Origin}: lo + (hi - lo) x v / 100)");

    // Lowest and highest finite rating at the base's item level (rating table rows and rating events with a value).
    private static (float Low, float High) Range(MusicDataset dataset)
    {
        var low = float.PositiveInfinity;
        var high = float.NegativeInfinity;
        var r = dataset.Ratings;
        for (var i = 0; i < r.Count; i++)
            if (r.Levels[i] == dataset.ItemLevel && float.IsFinite(r.Values[i])) (low, high) = (Math.Min(low, r.Values[i]), Math.Max(high, r.Values[i]));
        var e = dataset.Events;
        for (var i = 0; i < e.Count; i++)
            if (e.Kinds[i] == EventKind.Rating && float.IsFinite(e.Values[i])) (low, high) = (Math.Min(low, e.Values[i]), Math.Max(high, e.Values[i]));
        return (low, high);
    }
}
