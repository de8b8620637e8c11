using Encore.Core.Randomness;
using Encore.Core.Sparse;

namespace Encore.Models.Training;

/// <summary>
/// Splits a training matrix into an inner training part and a held-out part for models that learn a second stage
/// (the blend's weights, the funnel's ranker) from training data only: per user with n >= 2 items, round(share n) of
/// them (at least 1, at most n - 1) are held out, chosen by a per-user seeded shuffle. Users with one item keep it.
/// </summary>
internal static class ValidationCarve
{
    /// <returns>Two matrices of the input's shape whose stored pairs partition the input's.</returns>
    public static (CsrMatrix Train, CsrMatrix HeldOut) Split(CsrMatrix x, double share, ulong seed) =>
        PartitionPerUser(x, seed, (n, position) => position < (n < 2 ? 0 : Math.Clamp((int)Math.Round(share * n, MidpointRounding.AwayFromZero), 1, n - 1)));

    /// <summary>
    /// Partitions <paramref name="x"/>'s stored pairs user by user: each user's n items are put in a per-user seeded random
    /// order (<see cref="Rng.Fork"/> of <paramref name="seed"/> and the user), and the item at position p of that order is
    /// held out when <paramref name="held"/>(n, p). The carve of <see cref="Split"/> and the folds of <see cref="KFoldCarve"/>.
    /// </summary>
    /// <returns>Two matrices of the input's shape whose stored pairs partition the input's.</returns>
    internal static (CsrMatrix Inner, CsrMatrix HeldOut) PartitionPerUser(CsrMatrix x, ulong seed, Func<int, int, bool> held)
    {
        ArgumentNullException.ThrowIfNull(x);
        var (tr, tc, tv, hr, hc, hv) = (new List<int>(), new List<int>(), new List<float>(), new List<int>(), new List<int>(), new List<float>());
        for (var u = 0; u < x.Rows; u++)
        {
            var items = x.RowIndices(u);
            var values = x.RowValues(u);
            var n = items.Length;
            var order = Enumerable.Range(0, n).ToArray();
            Rng.Fork(seed, (ulong)u).Shuffle(order.AsSpan());
            var isHeld = new bool[n];
            for (var position = 0; position < n; position++) isHeld[order[position]] = held(n, position);
            for (var p = 0; p < n; p++)
            {
                if (isHeld[p]) { hr.Add(u); hc.Add(items[p]); hv.Add(values[p]); }
                else { tr.Add(u); tc.Add(items[p]); tv.Add(values[p]); }
            }
        }
        return (CsrMatrix.FromTriples(x.Rows, x.Columns, [.. tr], [.. tc], [.. tv]), CsrMatrix.FromTriples(x.Rows, x.Columns, [.. hr], [.. hc], [.. hv]));
    }
}
