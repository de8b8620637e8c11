using System.Globalization;
using System.Numerics.Tensors;
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
        var d = state.Dimension;
        var inverse = state.InverseF.AsSpan();
        var theta = state.ThetaF.AsSpan();
        var arg = 0;
        var best = float.NegativeInfinity;
        for (var c = 0; c < n; c++)
        {
            var x = candidates.Slice(c * d, d);
            // xᵀA⁻¹x with A⁻¹x kept in registers (QuadraticForm): no allocation, A⁻¹ streamed from L1.
            var variance = Math.Max(0f, QuadraticForm.Evaluate(inverse, x));
            var ucb = TensorPrimitives.Dot(theta, x) + Alpha * MathF.Sqrt(variance);
            if (ucb > best) { best = ucb; arg = c; }
        }
        return CandidateBlock.Describe(state, candidates, arg);
    }
}
