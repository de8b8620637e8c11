using Encore.Core.Errors;
using Encore.Core.Interactions;
using Encore.Core.Randomness;
using Encore.Core.Sparse;

namespace Encore.Data.Splits;

/// <summary>
/// Per-user random holdout over (user, item) pairs of an aggregated matrix (the PEERS.md protocol): a user
/// with n >= 2 items puts round(fraction * n), at least 1 and at most n - 1, into test; users with one item
/// stay in train. Each user draws from its own stream <c>Rng.Fork(seed, user)</c>, so a user's split does
/// not depend on the other users.
/// </summary>
public sealed class UserRandomHoldoutSplit
{
    public UserRandomHoldoutSplit(double testFraction = 0.2, ulong seed = 42)
    {
        Guard.InRange(testFraction, 0.0, 1.0);
        TestFraction = testFraction;
        Seed = seed;
    }

    public double TestFraction { get; }

    public ulong Seed { get; }

    public MatrixSplit Split(InteractionMatrix interactions) => Split(interactions.Matrix);

    public MatrixSplit Split(CsrMatrix matrix)
    {
        var parts = new byte[matrix.NonZeros];
        var scratch = new int[MaxRowLength(matrix)];
        for (var u = 0; u < matrix.Rows; u++)
        {
            var n = matrix.RowLength(u);
            var k = HoldoutCount.Of(n, TestFraction);
            if (k == 0) continue;
            var rng = Rng.Fork(Seed, (ulong)u);
            RowSampler.Mark(ref rng, n, k, parts.AsSpan(matrix.Offsets[u], n), 1, scratch);
        }
        var split = CsrPartition.Split(matrix, parts, 2);
        return new MatrixSplit { Train = split[0], Test = split[1] };
    }

    internal static int MaxRowLength(CsrMatrix m)
    {
        var longest = 0;
        for (var u = 0; u < m.Rows; u++) longest = Math.Max(longest, m.RowLength(u));
        return longest;
    }
}
