namespace Encore.Evaluation.Bench;

/// <summary>A peer's quality row from PEERS.md (P / R / NDCG / HR at 10) and its fit time in seconds.</summary>
public sealed record ImplicitQuality(double FitSeconds, double Precision, double Recall, double Ndcg, double HitRate);
