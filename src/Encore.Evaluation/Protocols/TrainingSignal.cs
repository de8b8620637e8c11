using Encore.Core.Sparse;
using Encore.Data.Ratings;

namespace Encore.Evaluation.Protocols;

/// <summary>
/// How training uses ratings relative to the relevance threshold (<see cref="RatingSignal"/>): all values, only those at
/// or above the threshold, or those below it as negative feedback (value -1). Held-out relevance is not touched.
/// </summary>
internal static class TrainingSignal
{
    /// <summary>See <see cref="RatingTraining.Apply"/>.</summary>
    public static CsrMatrix Apply(CsrMatrix train, CsrMatrix rawTrain, RatingSignal signal, float threshold) => RatingTraining.Apply(train, rawTrain, signal, threshold);

    /// <summary>", ratings positive only" / ", ratings signed (below threshold = -1)" / ", ratings as values" for the label.</summary>
    public static string LabelSuffix(RatingSignal signal) => signal switch
    {
        RatingSignal.Values => ", trained on ratings as values",
        RatingSignal.Positive => ", trained on ratings at/above the threshold only",
        RatingSignal.Signed => ", trained on ratings, below threshold as -1",
        _ => "",
    };
}
