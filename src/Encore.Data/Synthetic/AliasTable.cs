using Encore.Core.Randomness;

namespace Encore.Data.Synthetic;

/// <summary>
/// Walker / Vose alias table: draws one of n weighted items in O(1) (one uniform index, one coin).
/// Stores item ids directly so a draw returns the track id.
/// </summary>
internal sealed class AliasTable
{
    private readonly float[] _probability;
    private readonly int[] _item;
    private readonly int[] _alias;

    public AliasTable(ReadOnlySpan<int> items, ReadOnlySpan<double> weights)
    {
        var n = items.Length;
        if (n == 0 || weights.Length != n) throw new ArgumentException("An alias table needs at least one item and one weight per item.");
        _probability = new float[n];
        _item = items.ToArray();
        _alias = items.ToArray();
        var total = 0.0;
        foreach (var w in weights) total += w;
        var scaled = new double[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = 0; i < n; i++)
        {
            scaled[i] = total > 0 ? weights[i] * n / total : 1.0;
            (scaled[i] < 1.0 ? small : large).Push(i);
        }
        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            _probability[s] = (float)scaled[s];
            _alias[s] = items[l];
            scaled[l] -= 1.0 - scaled[s];
            (scaled[l] < 1.0 ? small : large).Push(l);
        }
        // Leftovers are 1 up to rounding error.
        while (large.Count > 0) _probability[large.Pop()] = 1f;
        while (small.Count > 0) _probability[small.Pop()] = 1f;
    }

    public int Count => _item.Length;

    public int Sample(ref Rng rng)
    {
        var i = rng.NextInt(_item.Length);
        return rng.NextFloat() < _probability[i] ? _item[i] : _alias[i];
    }
}
