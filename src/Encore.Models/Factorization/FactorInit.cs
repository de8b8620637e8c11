using Encore.Core.Randomness;

namespace Encore.Models.Factorization;

/// <summary>
/// Deterministic factor initialisation: row r draws from its own stream Rng.Fork(seed, offset + r), so
/// results do not depend on how rows are split across threads.
/// </summary>
internal static class FactorInit
{
    /// <summary>Stream offset that keeps item rows apart from user rows.</summary>
    public const ulong ItemStreams = 1UL << 40;

    /// <summary>Uniform values in [low, high) for every entry of a rows x d matrix.</summary>
    public static float[] Uniform(int rows, int d, ulong seed, ulong streamOffset, float low, float high)
    {
        var factors = new float[(long)rows * d];
        for (var r = 0; r < rows; r++)
        {
            var rng = Rng.Fork(seed, streamOffset + (ulong)r);
            var row = factors.AsSpan(r * d, d);
            for (var f = 0; f < d; f++) row[f] = low + (high - low) * rng.NextFloat();
        }
        return factors;
    }
}
