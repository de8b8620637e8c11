using System.Globalization;
using Encore.Core.Errors;
using Encore.Core.Randomness;

namespace Encore.Models.Bandits;

/// <summary>
/// ε-greedy over the ridge value function: with probability ε a uniformly random candidate, otherwise
/// argmax θ·x. ε = 0 is the greedy ridge policy (no exploration beyond the prior).
/// </summary>
public sealed class EpsilonGreedyPolicy : IBanditPolicy
{
    /// <param name="epsilon">Exploration probability in [0, 1].</param>
    public EpsilonGreedyPolicy(double epsilon = 0.1)
    {
        Guard.InRange(epsilon, 0, 1);
        Epsilon = epsilon;
    }

    public double Epsilon { get; }

    public string Name => Epsilon == 0 ? "greedy" : string.Create(CultureInfo.InvariantCulture, $"epsilon-greedy(eps={Epsilon:0.###})");

    public BanditChoice Choose(RidgeValueFunction state, ReadOnlySpan<float> candidates, ref Rng rng)
    {
        ArgumentNullException.ThrowIfNull(state);
        var n = CandidateBlock.Count(state, candidates);
        var arg = Epsilon > 0 && rng.NextDouble() < Epsilon ? rng.NextInt(n) : CandidateBlock.ArgMax(state.ThetaF, candidates, n, out _);
        return CandidateBlock.Describe(state, candidates, arg);
    }
}
