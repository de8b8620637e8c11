using System.Globalization;
using Encore.Data.Ratings;

namespace Encore.Online.Retraining;

/// <summary>
/// How a retrain read ratings (<see cref="RetrainOptions.Ratings"/>, docs/ratings.md): the signal used and whether
/// <c>auto</c> chose it, the threshold of positive / signed with where it came from, and the scale posted ratings were
/// read on. Shown on the retrain's answer and at the end of the registered version's note.
/// </summary>
/// <param name="Signal">The signal trained on (never <see cref="RatingSignal.Auto"/>).</param>
/// <param name="Automatic">True when <c>retrain.ratings = auto</c> chose <paramref name="Signal"/>.</param>
/// <param name="Threshold">The threshold of positive / signed on the base's rating scale; null for the other signals.</param>
/// <param name="ThresholdOrigin">Where <paramref name="Threshold"/> came from: "given", "yahoo-r3 default: >= 4 of 1..5", "auto: ...".</param>
/// <param name="Scale">The scale posted ratings were mapped onto; null when none was read or it is the API's own 0..100.</param>
public sealed record RetrainRatings(RatingSignal Signal, bool Automatic, float? Threshold, string? ThresholdOrigin, OnlineRatingScale? Scale)
{
    /// <summary>
    /// For the answer and the note, e.g. "ratings ignore (auto): the events are the signal", "ratings values (auto)",
    /// "ratings positive, threshold 4 (yahoo-r3 default: >= 4 of 1..5); posted ratings 0..100 read as 1..5 (...)".
    /// </summary>
    public string Describe()
    {
        var text = $"ratings {RatingSignalNames.Name(Signal)}{(Automatic ? " (auto)" : "")}";
        if (Signal == RatingSignal.Ignore) return text + ": the events are the signal";
        if (Threshold is { } t) text += string.Create(CultureInfo.InvariantCulture, $", threshold {t:0.###} ({ThresholdOrigin})");
        return Scale is null ? text : $"{text}; {Scale.Describe()}";
    }
}
