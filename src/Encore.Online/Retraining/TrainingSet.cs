using Encore.Core.Interactions;
using Encore.Data.Aggregation;

namespace Encore.Online.Retraining;

/// <summary>A retrain's training matrix with the choices that shaped it (<see cref="TrainingSetBuilder.Build"/>).</summary>
/// <param name="Matrix">Users x tracks (the base dataset's dense order first, new ids appended), transformed values.</param>
/// <param name="Confidence">The confidence transform applied, and why.</param>
/// <param name="Ratings">Whether ratings were the signal, with the threshold and scale used.</param>
public sealed record TrainingSet(InteractionMatrix Matrix, ConfidenceChoice Confidence, RetrainRatings Ratings)
{
    /// <summary>The matrix and the confidence choice (what callers before the ratings setting read).</summary>
    public void Deconstruct(out InteractionMatrix matrix, out ConfidenceChoice confidence)
    {
        matrix = Matrix;
        confidence = Confidence;
    }
}
