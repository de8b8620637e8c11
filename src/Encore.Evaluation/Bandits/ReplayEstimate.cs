namespace Encore.Evaluation.Bandits;

/// <summary>
/// Result of <see cref="ReplayEvaluator"/>: the policy's estimated mean reward per round over the matched
/// events, its 95% interval (Wilson's score interval when every matched reward is 0 or 1, as in every replay log
/// <see cref="ReplayLog"/> builds; otherwise the normal mean ± 1.96 s / sqrt(m)), the matched and total event counts, and the
/// running mean after each match (the CTR curve).
/// </summary>
public sealed record ReplayEstimate(string Policy, double MeanReward, double Low, double High, int Matched, int Events, double[] RunningMean);
