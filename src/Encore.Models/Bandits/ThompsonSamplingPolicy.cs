using System.Buffers;
using System.Globalization;
using Encore.Core.Errors;
using Encore.Core.Randomness;

namespace Encore.Models.Bandits;

/// <summary>
/// Linear Thompson sampling (Agrawal and Goyal, ICML 2013): draws θ̃ ~ N(θ, v² A⁻¹) from the ridge posterior
/// and picks argmax θ̃·x. The draw is θ + v L z with A⁻¹ = L Lᵀ (Cholesky, O(d³/6)) and z standard normal
/// from the given seeded generator. Cost O(d³ + n d) per choice; the scratch (d² + 2d values) comes from
/// <see cref="ArrayPool{T}.Shared"/>, so a choice allocates nothing once the pool is warm.
/// </summary>
public sealed class ThompsonSamplingPolicy : IBanditPolicy
{
    /// <param name="scale">Posterior scale v &gt; 0 (the assumed reward noise standard deviation).</param>
    public ThompsonSamplingPolicy(double scale = 0.5)
    {
        Guard.Positive(scale);
        Scale = scale;
    }

    public double Scale { get; }

    public string Name => string.Create(CultureInfo.InvariantCulture, $"thompson(v={Scale:0.###})");

    public BanditChoice Choose(RidgeValueFunction state, ReadOnlySpan<float> candidates, ref Rng rng)
    {
        ArgumentNullException.ThrowIfNull(state);
        var n = CandidateBlock.Count(state, candidates);
        var d = state.Dimension;
        // Scratch from the shared pools: no allocation per choice once the pools hold arrays of this size.
        var factorArray = ArrayPool<double>.Shared.Rent(d * d);
        var zArray = ArrayPool<double>.Shared.Rent(d);
        var sampleArray = ArrayPool<float>.Shared.Rent(d);
        try
        {
            var factor = factorArray.AsSpan(0, d * d);
            state.Inverse.CopyTo(factor);
            Cholesky.FactorLowerInPlace(factor, d);
            var z = zArray.AsSpan(0, d);
            for (var i = 0; i < d; i++) z[i] = rng.NextGaussian();
            var sample = sampleArray.AsSpan(0, d);
            var theta = state.Theta;
            for (var i = 0; i < d; i++)
            {
                double s = 0;
                for (var j = 0; j <= i; j++) s += factor[i * d + j] * z[j];
                sample[i] = (float)(theta[i] + Scale * s);
            }
            var arg = CandidateBlock.ArgMax(sample, candidates, n, out _);
            return CandidateBlock.Describe(state, candidates, arg);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(factorArray);
            ArrayPool<double>.Shared.Return(zArray);
            ArrayPool<float>.Shared.Return(sampleArray);
        }
    }
}
