using System.Globalization;

namespace Encore.Core.Ids;

/// <summary>
/// Maps non-negative <see cref="int"/> keys (ids that are plain decimal numbers, e.g. "1057") to dense 0-based
/// indices in order of first appearance, the same order an <see cref="IdMap"/> fed the same ids as strings gives.
/// Keys up to a bound proportional to the number of keys seen are looked up in a flat table (one array read per
/// key, no hashing); larger keys go to a dictionary. Not thread-safe for writes; reads are safe once filling is done.
/// </summary>
public sealed class IntKeyMap
{
    // A flat table is used while the largest key stays below TableSlack x (keys seen) + TableFloor: at most
    // ~4 bytes x 16 per distinct key, so a few sparse huge ids cannot make it allocate gigabytes.
    private const int TableSlack = 16;
    private const int TableFloor = 1 << 16;
    private int[] _table = [];
    private readonly Dictionary<int, int> _large = [];
    private readonly List<int> _keys;

    /// <summary>An empty map with room for <paramref name="capacity"/> keys.</summary>
    public IntKeyMap(int capacity = 0) => _keys = new List<int>(capacity);

    /// <summary>Number of keys mapped.</summary>
    public int Count => _keys.Count;

    /// <summary>The key of a dense index (0 &lt;= index &lt; <see cref="Count"/>).</summary>
    public int this[int index] => _keys[index];

    /// <summary>The dense index of <paramref name="key"/>, adding it (as index <see cref="Count"/>) when new.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="key"/> is negative.</exception>
    public int GetOrAdd(int key)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(key);
        if (key < _table.Length)
        {
            var slot = _table[key];
            if (slot >= 0) return slot;
            return _table[key] = Add(key);
        }
        if (_large.TryGetValue(key, out var index)) return index;
        if (key < (long)TableSlack * (_keys.Count + 1) + TableFloor)
        {
            Grow(key);
            return _table[key] = Add(key);
        }
        index = Add(key);
        _large.Add(key, index);
        return index;
    }

    /// <summary>Replaces every key in <paramref name="keys"/> by its dense index, adding new keys in order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A key is negative (keys before it are already replaced).</exception>
    public void MapInPlace(Span<int> keys)
    {
        for (var i = 0; i < keys.Length; i++) keys[i] = GetOrAdd(keys[i]);
    }

    /// <summary>The dense index of <paramref name="key"/>, or -1 when it was never added (negative keys included).</summary>
    public int IndexOf(int key)
    {
        if ((uint)key < (uint)_table.Length) return _table[key];
        return key >= 0 && _large.TryGetValue(key, out var index) ? index : -1;
    }

    /// <summary>An <see cref="IdMap"/> with the same dense order whose ids are the keys in invariant decimal form.</summary>
    public IdMap ToIdMap()
    {
        var map = new IdMap(_keys.Count);
        foreach (var key in _keys) map.GetOrAdd(key.ToString(CultureInfo.InvariantCulture));
        return map;
    }

    private int Add(int key)
    {
        _keys.Add(key);
        return _keys.Count - 1;
    }

    private void Grow(int key)
    {
        // Doubling (at least to key + 1) keeps the amortised cost per key constant.
        var size = (int)Math.Min(Array.MaxLength, Math.Max((long)key + 1, 2L * _table.Length));
        var bigger = GC.AllocateUninitializedArray<int>(size);
        _table.CopyTo(bigger, 0);
        bigger.AsSpan(_table.Length).Fill(-1);
        // Keys that went to the dictionary while the table was smaller move into it when they now fit.
        List<int>? moved = null;
        foreach (var (k, v) in _large)
        {
            if (k >= size) continue;
            bigger[k] = v;
            (moved ??= []).Add(k);
        }
        if (moved is not null)
            foreach (var k in moved) _large.Remove(k);
        _table = bigger;
    }
}
