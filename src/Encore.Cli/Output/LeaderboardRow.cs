namespace Encore.Cli.Output;

/// <summary>One model's line on the leaderboard: timings, means and the NDCG confidence interval.</summary>
public sealed record LeaderboardRow(string Model, double FitSeconds, double EvaluateSeconds, double Precision, double Recall,
    (double Mean, double Low, double High) Ndcg, double HitRate, int Users);
