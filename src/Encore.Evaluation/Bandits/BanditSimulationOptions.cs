using Encore.Core.Errors;

namespace Encore.Evaluation.Bandits;

/// <summary>Settings of <see cref="BanditSimulation"/>.</summary>
public sealed record BanditSimulationOptions
{
    private readonly int _rounds = 2000;
    private readonly int _users = 10;
    private readonly int _candidates = 50;
    private readonly double _noise = 0.1;
    private readonly double _regularization = 1;
    private readonly double _priorWeight;
    private readonly double _priorNegatives = 1;

    /// <value>Rounds (one choice and one reward each). Default 2,000.</value>
    public int Rounds { get => _rounds; init { Guard.Positive(value, nameof(Rounds)); _rounds = value; } }

    /// <value>Simulated users, served in turn (each with its own disjoint ridge state). Default 10.</value>
    public int Users { get => _users; init { Guard.Positive(value, nameof(Users)); _users = value; } }

    /// <value>Candidate tracks drawn uniformly per round. Default 50.</value>
    public int Candidates { get => _candidates; init { Guard.InRange(value, 2, 100_000, nameof(Candidates)); _candidates = value; } }

    /// <value>Standard deviation of the Gaussian noise added to the true affinity to make the observed reward. Default 0.1.</value>
    public double RewardNoise { get => _noise; init { Guard.NonNegative(value, nameof(RewardNoise)); _noise = value; } }

    /// <value>Ridge weight λ of every user's value function. Default 1.</value>
    public double Regularization { get => _regularization; init { Guard.Positive(value, nameof(Regularization)); _regularization = value; } }

    /// <value>Weight w of each pseudo-observation of the warm start from the users' logged history
    /// (<see cref="HistoryPrior"/>); 0 = no warm start, every learner starts from N(0, σ²/λ I). Default 0.</value>
    public double PriorWeight { get => _priorWeight; init { Guard.InRange(value, 0, 1000, nameof(PriorWeight)); _priorWeight = value; } }

    /// <value>Sampled never-touched tracks (reward 0) per touched track (reward 1) in the warm start, 0-100. Default 1.</value>
    public double PriorNegativeRatio { get => _priorNegatives; init { Guard.InRange(value, 0, 100, nameof(PriorNegativeRatio)); _priorNegatives = value; } }

    /// <value>Seed of users, candidate sets, noise and the policy's own randomness (the same for every policy). Default 42.</value>
    public ulong Seed { get; init; } = 42;
}
