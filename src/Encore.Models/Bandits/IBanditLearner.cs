using Encore.Core.Randomness;

namespace Encore.Models.Bandits;

/// <summary>
/// A bandit that owns its learnt state for many users: chooses one candidate for a user from a row-major
/// n x <see cref="Dimension"/> block of track vectors and absorbs that user's reward for the chosen vector.
/// Offline evaluation (simulation, replay) runs every policy through this contract, so disjoint policies
/// (<see cref="DisjointBanditLearner"/>) and hybrid LinUCB (<see cref="HybridLinUcb"/>, whose shared part
/// spans users) are compared on equal terms. Not thread-safe: one writer.
/// </summary>
public interface IBanditLearner
{
    /// <summary>Short label used in curves and reports, e.g. "linucb(alpha=0.5)".</summary>
    string Name { get; }

    /// <summary>Width d of every candidate vector.</summary>
    int Dimension { get; }

    /// <param name="user">Dense user index (≥ 0); unseen users start from the prior.</param>
    /// <param name="candidates">Row-major n x d block, n ≥ 1.</param>
    /// <param name="rng">The caller's seeded generator (only randomised policies draw from it).</param>
    /// <exception cref="ArgumentException">No candidates, or a block that is not n x d.</exception>
    BanditChoice Choose(int user, ReadOnlySpan<float> candidates, ref Rng rng);

    /// <summary>Absorbs the reward observed when <paramref name="user"/> was served the track with vector <paramref name="x"/>.</summary>
    /// <exception cref="ArgumentException">Wrong width or a non-finite reward.</exception>
    void Update(int user, ReadOnlySpan<float> x, double reward);
}
