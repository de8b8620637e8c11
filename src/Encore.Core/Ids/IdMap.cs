using System.Runtime.InteropServices;

namespace Encore.Core.Ids;

/// <summary>
/// Maps external string ids to dense 0-based ints, in order of first appearance, and back.
/// Lookups from spans do not allocate. Not thread-safe for writes; reads are safe once filling is done.
/// </summary>
public sealed class IdMap
{
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanLookup;
    private readonly List<string> _ids;

    public IdMap() : this(0) { }

    public IdMap(int capacity)
    {
        _index = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        _spanLookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
        _ids = new List<string>(capacity);
    }

    /// <summary>Number of ids mapped.</summary>
    public int Count => _ids.Count;

    /// <summary>External ids in dense order.</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>The external id of a dense index.</summary>
    public string this[int index] => _ids[index];

    /// <summary>Builds a map whose dense order is the given order; duplicates are refused.</summary>
    public static IdMap FromIds(IEnumerable<string> ids)
    {
        var map = new IdMap();
        foreach (var id in ids)
        {
            var before = map.Count;
            if (map.GetOrAdd(id) != before)
                throw new ArgumentException($"Duplicate id '{id}' in id list.", nameof(ids));
        }
        return map;
    }

    public int GetOrAdd(string id)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_index, id, out var exists);
        if (!exists)
        {
            slot = _ids.Count;
            _ids.Add(id);
        }
        return slot;
    }

    public int GetOrAdd(ReadOnlySpan<char> id)
    {
        if (_spanLookup.TryGetValue(id, out var index)) return index;
        return GetOrAdd(id.ToString());
    }

    public bool TryGetIndex(ReadOnlySpan<char> id, out int index) => _spanLookup.TryGetValue(id, out index);

    public bool TryGetIndex(string id, out int index) => _index.TryGetValue(id, out index);

    /// <summary>The dense index of an id, or -1 when it was never mapped.</summary>
    public int IndexOf(ReadOnlySpan<char> id) => _spanLookup.TryGetValue(id, out var index) ? index : -1;

    public bool Contains(ReadOnlySpan<char> id) => _spanLookup.ContainsKey(id);
}
