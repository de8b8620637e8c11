using Encore.Core.Errors;
using Encore.Core.Randomness;

namespace Encore.Models.Bandits;

/// <summary>
/// Runs an <see cref="IBanditPolicy"/> with one disjoint <see cref="RidgeValueFunction"/> per user (created on
/// first sight with ridge weight λ): the disjoint LinUCB of Li et al. 2010 (Algorithm 1), Thompson sampling,
/// ε-greedy, greedy and random all learn this way. Not thread-safe.
/// </summary>
public sealed class DisjointBanditLearner : IBanditLearner
{
    private readonly Dictionary<int, RidgeValueFunction> _states = [];

    /// <param name="policy">The choice rule.</param>
    /// <param name="dimension">Feature width d (&gt; 0).</param>
    /// <param name="regularization">Ridge weight λ (&gt; 0) of every user's state.</param>
    public DisjointBanditLearner(IBanditPolicy policy, int dimension, double regularization = 1.0)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Guard.Positive(dimension);
        Guard.Positive(regularization);
        Policy = policy;
        Dimension = dimension;
        Regularization = regularization;
    }

    public IBanditPolicy Policy { get; }

    public string Name => Policy.Name;

    public int Dimension { get; }

    public double Regularization { get; }

    /// <summary>The state of <paramref name="user"/> (created empty when unseen).</summary>
    public RidgeValueFunction State(int user)
    {
        if (!_states.TryGetValue(user, out var state)) _states[user] = state = new RidgeValueFunction(Dimension, Regularization);
        return state;
    }

    public BanditChoice Choose(int user, ReadOnlySpan<float> candidates, ref Rng rng) => Policy.Choose(State(user), candidates, ref rng);

    public void Update(int user, ReadOnlySpan<float> x, double reward) => State(user).Update(x, reward);
}
