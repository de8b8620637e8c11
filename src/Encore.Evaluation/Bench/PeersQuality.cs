namespace Encore.Evaluation.Bench;

/// <summary>Mean P@k, R@k, NDCG@k and HR@k over the test users of a PEERS split, with the evaluation time.</summary>
public sealed record PeersQuality(int K, int Users, double Precision, double Recall, double Ndcg, double HitRate, double Seconds);
