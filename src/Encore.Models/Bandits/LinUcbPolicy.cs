using System.Globalization;
using Encore.Core.Errors;
using Encore.Core.Randomness;

namespace Encore.Models.Bandits;

/// <summary>
/// LinUCB with disjoint linear models (Li, Chu, Langford, Schapire, WWW 2010, Algorithm 1): picks
/// argmax θ·x + α sqrt(xᵀA⁻¹x) over the candidates, with the user's own ridge state. Deterministic (ties go
/// to the first candidate). Cost O(n d²) per choice.
/// </summary>
public sealed class LinUcbPolicy : IBanditPolicy
{
    /// <param name="alpha">Exploration weight α ≥ 0 (0 = greedy ridge).</param>
    public LinUcbPolicy(double alpha = 1.0)
    {
        Guard.NonNegative(alpha);
        Alpha = (float)alpha;
    }

    public float Alpha { get; }

    public string Name => string.Create(CultureInfo.InvariantCulture, $"linucb(alpha={Alpha:0.###})");

    public BanditChoice Choose(RidgeValueFunction state, ReadOnlySpan<float> candidates, ref Rng rng)
    {
        ArgumentNullException.ThrowIfNull(state);
        var n = CandidateBlock.Count(state, candidates);
        var arg = UcbScan.ArgMax(state.ThetaF, state.InverseF, Alpha, candidates, n);
        return CandidateBlock.Describe(state, candidates, arg);
    }
}
