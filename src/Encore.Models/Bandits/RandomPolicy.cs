using Encore.Core.Randomness;

namespace Encore.Models.Bandits;

/// <summary>Uniformly random choice: the baseline, and the logging policy whose data replay evaluation needs.</summary>
public sealed class RandomPolicy : IBanditPolicy
{
    public string Name => "random";

    public BanditChoice Choose(RidgeValueFunction state, ReadOnlySpan<float> candidates, ref Rng rng)
    {
        ArgumentNullException.ThrowIfNull(state);
        var n = CandidateBlock.Count(state, candidates);
        return CandidateBlock.Describe(state, candidates, rng.NextInt(n));
    }
}
