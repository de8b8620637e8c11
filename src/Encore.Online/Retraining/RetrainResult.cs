namespace Encore.Online.Retraining;

/// <summary>
/// What a retrain did: the holdout NDCG@10 of the candidate and of the active model on the same split, whether
/// the candidate was activated (and as which version), the training set's size, its confidence transform and why, and how ratings were read.
/// </summary>
public sealed record RetrainResult(
    string Name,
    bool Activated,
    int? Version,
    double CandidateNdcg,
    double? ActiveNdcg,
    int EvaluatedUsers,
    int Users,
    int Tracks,
    long Interactions,
    string Reason,
    double Seconds)
{
    /// <value>The confidence transform the training matrix got and why, e.g. "log1p (auto): heavy-tailed counts (median 2, 99th percentile 40, max 900)" or "none: given".</value>
    public string Confidence { get; init; } = "";

    /// <value>How ratings were read (<see cref="RetrainRatings.Describe"/>), e.g. "ratings ignore (auto): the events are the signal" or "ratings positive, threshold 4 (yahoo-r3 default: >= 4 of 1..5)".</value>
    public string Ratings { get; init; } = "";
}
