using Encore.Core.Memory;
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

    /// <summary>
    /// Uniform values in [low, high) for every entry of a rows x d matrix. The array is pinned and, when large, advised for
    /// huge pages (<see cref="HugePages"/>): the trainers read factor rows at random (gathers, sampled items).
    /// </summary>
    /// <exception cref="OverflowException">rows x d above the largest array.</exception>
    public static float[] Uniform(int rows, int d, ulong seed, ulong streamOffset, float low, float high)
    {
        var factors = HugePages.AllocatePinned<float>(checked(rows * d));
        for (var r = 0; r < rows; r++)
        {
            var rng = Rng.Fork(seed, streamOffset + (ulong)r);
            var row = factors.AsSpan(r * d, d);
            for (var f = 0; f < d; f++) row[f] = low + (high - low) * rng.NextFloat();
        }
        return factors;
    }

    /// <summary>
    /// The start of a ranking-loss model with an item bias (<see cref="ItemBiasFactorModel"/>; BPR, WARP): users x (d + 1)
    /// and items x (d + 1) rows, latent entries uniform in [-0.5 / d, 0.5 / d) as implicit and LightFM start, the user's
    /// last entry the constant 1 and the item's (its bias) 0.
    /// </summary>
    public static (float[] Users, float[] Items) ItemBiasStart(int users, int items, int d, ulong seed)
    {
        var width = d + 1;
        var userRows = Uniform(users, width, seed, 0, -0.5f / d, 0.5f / d);
        var itemRows = Uniform(items, width, seed, ItemStreams, -0.5f / d, 0.5f / d);
        for (var u = 0; u < users; u++) userRows[u * width + d] = 1f;
        for (var i = 0; i < items; i++) itemRows[i * width + d] = 0f;
        return (userRows, itemRows);
    }
}
