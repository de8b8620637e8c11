using Encore.Core.Randomness;

namespace Encore.Evaluation.Statistics;

/// <summary>
/// Paired permutation test of a zero mean difference: under the null each difference is equally likely
/// to have either sign, so signs are flipped at random (seeded) and the share of flipped means at least
/// as far from 0 as the observed one is the two-sided p-value, (1 + count) / (1 + flips) so it is never 0.
/// </summary>
public static class SignFlipTest
{
    public static double PValue(ReadOnlySpan<double> differences, int flips = 10_000, ulong seed = 42)
    {
        if (flips <= 0) throw new ArgumentOutOfRangeException(nameof(flips), flips, "must be > 0");
        if (differences.IsEmpty) return 1;
        double observed = 0;
        foreach (var d in differences) observed += d;
        observed = Math.Abs(observed);
        // Relative tolerance so that a flip reproducing the observed sum in another order still counts.
        var tolerance = 1e-9 * Math.Max(1, observed);
        var rng = new Rng(seed);
        var atLeast = 0;
        for (var f = 0; f < flips; f++)
        {
            double sum = 0;
            var bits = 0UL;
            for (var i = 0; i < differences.Length; i++)
            {
                if ((i & 63) == 0) bits = rng.NextUInt64();
                // Flip the sign bit directly: branch-free, as the random signs defeat branch prediction.
                sum += BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(differences[i]) ^ (long)((bits & 1) << 63));
                bits >>= 1;
            }
            if (Math.Abs(sum) >= observed - tolerance) atLeast++;
        }
        return (1.0 + atLeast) / (1.0 + flips);
    }
}
