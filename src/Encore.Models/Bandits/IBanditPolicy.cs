using Encore.Core.Randomness;

namespace Encore.Models.Bandits;

/// <summary>
/// Chooses one candidate from a row-major n x d block of feature vectors given a user's
/// <see cref="RidgeValueFunction"/> (the state lives outside the policy, so one policy serves every user
/// and states can be stored durably). Policies are immutable and thread-safe; randomness comes from
/// the generator passed in only.
/// </summary>
public interface IBanditPolicy
{
    /// <summary>Short label, e.g. "linucb(alpha=1)", used in curves and reports.</summary>
    string Name { get; }

    /// <exception cref="ArgumentException">No candidates, or a block that is not n x state.Dimension.</exception>
    BanditChoice Choose(RidgeValueFunction state, ReadOnlySpan<float> candidates, ref Rng rng);
}
