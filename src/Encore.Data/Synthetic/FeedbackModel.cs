namespace Encore.Data.Synthetic;

/// <summary>
/// Skip and like probabilities as logistic curves of true affinity: skips fall and likes rise with affinity.
/// </summary>
internal sealed class FeedbackModel(SyntheticWorldOptions o)
{
    public double SkipProbability(double affinity) =>
        o.MaxSkipProbability * LatentMath.Logistic(o.FeedbackSharpness * (o.SkipMidpoint - affinity));

    public double LikeProbability(double affinity) =>
        o.MaxLikeProbability * LatentMath.Logistic(o.FeedbackSharpness * (affinity - o.LikeMidpoint));
}
