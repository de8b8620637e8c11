namespace Encore.Evaluation.Bandits;

/// <summary>
/// The settings `encore bandits simulate` uses by default, chosen on simulation seeds 101-110 of the tiny world only:
/// λ = 0.1 (grid α ∈ {0.05 … 1} x λ ∈ {0.1, 0.3, 1, 3, 10}, raw and L2-normalised vectors), then the history warm
/// start (<see cref="HistoryPrior"/>, grid w ∈ {0.05, 0.1, 0.2, 0.3, 1} x negatives ∈ {0, 1, 3} x λ ∈ {0.1, 1} x
/// α ∈ {0.05, 0.1, 0.2}): w = 0.05, 3 negatives, LinUCB α = 0.1 minimised LinUCB's mean cumulative regret.
/// ε-greedy stays at its usual ε = 0.1 over the same ridge model and the same prior. The tests check these
/// settings on seeds 21-23 only (docs/bandits.md, bench/results/bandits-simulation.md).
/// </summary>
public static class BanditDefaults
{
    /// <summary>The policy list compared by default.</summary>
    public const string Policies = "linucb:0.1,hybrid:0.3,thompson:0.1,epsilon:0.1,greedy,random";

    /// <summary>Ridge weight λ of every value function.</summary>
    public const double Regularization = 0.1;

    /// <summary>Weight of each history pseudo-observation in the warm start (<see cref="HistoryPrior"/>); 0 = none.</summary>
    public const double PriorWeight = 0.05;

    /// <summary>Sampled untouched tracks per played track in the warm start.</summary>
    public const double PriorNegativeRatio = 3;

    /// <summary>Arm context (<see cref="ArmContexts.Names"/>).</summary>
    public const string Context = "embedding";

    /// <summary>ALS factors of the factors / both context.</summary>
    public const int Factors = 16;

    /// <summary>ALS ridge weight of the factors / both context.</summary>
    public const double AlsRegularization = 1;

    /// <summary>LinUCB's exploration weight α in the default list.</summary>
    public const double LinUcbAlpha = 0.1;

    /// <summary>
    /// Settings for the small (demo) world, chosen on its seeds 101-110 only (bench/results/bandits-simulation.md, section 0):
    /// context embedding (the ALS factors and factors ⊕ embedding were worse at every λ), λ = 1 (grid 0.1, 0.3, 1, 3),
    /// LinUCB α = 0.05 (grid 0.05, 0.1, 0.2), the same history prior (w = 0.05, 3 negatives; w 0 and 0.2 were worse).
    /// <c>encore bandits simulate --preset demo --lambda 1 --policies linucb:0.05,...</c>.
    /// </summary>
    public static class Small
    {
        /// <summary>Ridge weight λ of every value function on the small world.</summary>
        public const double Regularization = 1;

        /// <summary>LinUCB's exploration weight α on the small world.</summary>
        public const double LinUcbAlpha = 0.05;
    }
}
