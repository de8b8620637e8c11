using Encore.Core.Errors;
using Encore.Core.Interactions;
using Encore.Core.Randomness;
using Encore.Core.Sparse;

namespace Encore.Data.Splits;

/// <summary>
/// Holds out whole users (strong generalisation): round(userFraction * eligible) users with >= 2 items are
/// drawn with <c>new Rng(seed)</c>; each one's items are split like <see cref="UserRandomHoldoutSplit"/>
/// (round(hiddenFraction * n), clamped to [1, n - 1], hidden; the rest fold-in), with stream Fork(seed, user).
/// Models never train on held-out rows; they fold in <see cref="FoldInSplit.FoldIn"/> and are scored on
/// <see cref="FoldInSplit.Hidden"/>.
/// </summary>
public sealed class HeldOutUsersSplit
{
    private const byte TrainPart = 0;
    private const byte FoldInPart = 1;
    private const byte HiddenPart = 2;

    public HeldOutUsersSplit(double userFraction = 0.1, double hiddenFraction = 0.2, ulong seed = 42)
    {
        Guard.InRange(userFraction, 0.0, 1.0);
        Guard.InRange(hiddenFraction, 0.0, 1.0);
        UserFraction = userFraction;
        HiddenFraction = hiddenFraction;
        Seed = seed;
    }

    public double UserFraction { get; }

    public double HiddenFraction { get; }

    public ulong Seed { get; }

    public FoldInSplit Split(InteractionMatrix interactions) => Split(interactions.Matrix);

    public FoldInSplit Split(CsrMatrix matrix)
    {
        var heldOut = DrawUsers(matrix);
        var parts = new byte[matrix.NonZeros];
        var scratch = new int[UserRandomHoldoutSplit.MaxRowLength(matrix)];
        foreach (var u in heldOut)
        {
            var n = matrix.RowLength(u);
            var row = parts.AsSpan(matrix.Offsets[u], n);
            row.Fill(FoldInPart);
            var rng = Rng.Fork(Seed, (ulong)u);
            RowSampler.Mark(ref rng, n, HoldoutCount.Of(n, HiddenFraction), row, HiddenPart, scratch);
        }
        var split = CsrPartition.Split(matrix, parts, 3);
        return new FoldInSplit { Train = split[TrainPart], FoldIn = split[FoldInPart], Hidden = split[HiddenPart], HeldOutUsers = heldOut };
    }

    private int[] DrawUsers(CsrMatrix matrix)
    {
        var eligible = new List<int>();
        for (var u = 0; u < matrix.Rows; u++)
            if (matrix.RowLength(u) >= 2) eligible.Add(u);
        var count = (int)Math.Round(UserFraction * eligible.Count, MidpointRounding.ToEven);
        var users = eligible.ToArray();
        var rng = new Rng(Seed);
        rng.Shuffle(users.AsSpan());
        var chosen = users[..count];
        Array.Sort(chosen);
        return chosen;
    }
}
