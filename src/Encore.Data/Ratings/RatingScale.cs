using System.Globalization;

namespace Encore.Data.Ratings;

/// <summary>
/// The documented rating scale of a source and its default relevance threshold (docs/ratings.md):
/// Yahoo! R3 ratings are 1..5 and relevant at >= 4; KDD Cup 2011 track 2 scores are 0..100 and relevant at >= 80;
/// the synthetic world's SPEC S4-style ratings are 0..100 and relevant at >= 80.
/// </summary>
/// <param name="Source">The importer name the data set's <c>Source</c> starts with (e.g. "yahoo-r3").</param>
/// <param name="Minimum">Lowest rating on the scale.</param>
/// <param name="Maximum">Highest rating on the scale.</param>
/// <param name="Threshold">Default relevance threshold: a rating is relevant when it is at least this.</param>
/// <param name="RatingsOnly">True when the source holds only ratings, so the default applies whatever the signal.</param>
public sealed record RatingScale(string Source, float Minimum, float Maximum, float Threshold, bool RatingsOnly)
{
    /// <summary>Yahoo! R3: 1..5 stars, relevant at >= 4.</summary>
    public static RatingScale YahooR3 { get; } = new("yahoo-r3", 1, 5, 4, RatingsOnly: true);

    /// <summary>KDD Cup 2011 track 2 (Yahoo! Music): 0..100, relevant at >= 80.</summary>
    public static RatingScale KddCup { get; } = new("kddcup", 0, 100, 80, RatingsOnly: true);

    /// <summary>The synthetic world's SPEC S4-style ratings: 0..100, relevant at >= 80 (its events use threshold 1).</summary>
    public static RatingScale Synthetic { get; } = new("synthetic", 0, 100, 80, RatingsOnly: false);

    /// <summary>The scale of the source named at the start of <paramref name="source"/> (a data set's Source), or null when no default is documented.</summary>
    public static RatingScale? ForSource(string? source)
    {
        if (string.IsNullOrEmpty(source)) return null;
        foreach (var scale in new[] { YahooR3, KddCup, Synthetic })
            if (source.StartsWith(scale.Source, StringComparison.OrdinalIgnoreCase)) return scale;
        return null;
    }

    /// <summary>For labels and messages, e.g. "yahoo-r3 default: >= 4 of 1..5".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Source} default: >= {Threshold} of {Minimum}..{Maximum}");
}
