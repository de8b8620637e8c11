namespace Encore.Online.Retraining;

/// <summary>
/// What a retrain did: the holdout NDCG@10 of the candidate and of the active model on the same split, whether
/// the candidate was activated (and as which version), the training set's size and why.
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
    double Seconds);
