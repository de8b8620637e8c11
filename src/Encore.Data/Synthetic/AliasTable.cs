using Encore.Core.Randomness;

namespace Encore.Data.Synthetic;

/// <summary>
/// Walker / Vose alias table: draws one of n weighted items in O(1) (one uniform index, one coin).
/// Stores item ids directly so a draw returns the track id; one 12-byte slot per item, so a draw touches
/// one cache line (the tables of a large catalogue do not fit in cache).
/// </summary>
internal sealed class AliasTable
{
    private readonly Slot[] _slots;

    public AliasTable(ReadOnlySpan<int> items, ReadOnlySpan<double> weights)
    {
        var n = items.Length;
        if (n == 0 || weights.Length != n) throw new ArgumentException("An alias table needs at least one item and one weight per item.");
        _slots = new Slot[n];
        for (var i = 0; i < n; i++) _slots[i] = new Slot(1f, items[i], items[i]);
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
            _slots[s] = new Slot((float)scaled[s], items[s], items[l]);
            scaled[l] -= 1.0 - scaled[s];
            (scaled[l] < 1.0 ? small : large).Push(l);
        }
        // Leftovers keep probability 1 (they are 1 up to rounding error).
    }

    public int Count => _slots.Length;

    public int Sample(ref Rng rng)
    {
        ref readonly var slot = ref _slots[rng.NextInt(_slots.Length)];
        return rng.NextFloat() < slot.Probability ? slot.Item : slot.Alias;
    }

    private readonly record struct Slot(float Probability, int Item, int Alias);
}
