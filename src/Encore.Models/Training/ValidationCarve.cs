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
    public static (CsrMatrix Train, CsrMatrix HeldOut) Split(CsrMatrix x, double share, ulong seed)
    {
        var (tr, tc, tv, hr, hc, hv) = (new List<int>(), new List<int>(), new List<float>(), new List<int>(), new List<int>(), new List<float>());
        for (var u = 0; u < x.Rows; u++)
        {
            var items = x.RowIndices(u);
            var values = x.RowValues(u);
            var n = items.Length;
            var hold = n < 2 ? 0 : Math.Clamp((int)Math.Round(share * n, MidpointRounding.AwayFromZero), 1, n - 1);
            var order = Enumerable.Range(0, n).ToArray();
            Rng.Fork(seed, (ulong)u).Shuffle(order.AsSpan());
            var held = new bool[n];
            for (var i = 0; i < hold; i++) held[order[i]] = true;
            for (var p = 0; p < n; p++)
            {
                if (held[p]) { hr.Add(u); hc.Add(items[p]); hv.Add(values[p]); }
                else { tr.Add(u); tc.Add(items[p]); tv.Add(values[p]); }
            }
        }
        return (CsrMatrix.FromTriples(x.Rows, x.Columns, [.. tr], [.. tc], [.. tv]), CsrMatrix.FromTriples(x.Rows, x.Columns, [.. hr], [.. hc], [.. hv]));
    }
}
