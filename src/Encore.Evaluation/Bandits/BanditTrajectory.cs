namespace Encore.Evaluation.Bandits;

/// <summary>
/// Per-round curves of one policy run: cumulative observed reward, cumulative expected regret (best true
/// affinity among the candidates minus the chosen one's) and the running mean reward. Index = round - 1.
/// </summary>
public sealed record BanditTrajectory(string Policy, double[] CumulativeReward, double[] CumulativeRegret, double[] MeanReward)
{
    public int Rounds => CumulativeReward.Length;

    public double FinalRegret => CumulativeRegret.Length == 0 ? 0 : CumulativeRegret[^1];

    public double FinalReward => CumulativeReward.Length == 0 ? 0 : CumulativeReward[^1];
}
