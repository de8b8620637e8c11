namespace Encore.Core.Ranking;

/// <summary>
/// Keeps the k best (index, score) pairs seen so far in a bounded min-heap: O(n log k), no allocation
/// after construction. Ties break towards the smaller index so results are deterministic.
/// NaN scores are ignored. Reuse one selector per worker with <see cref="Reset"/>.
/// </summary>
public sealed class TopKSelector
{
    private readonly int[] _ids;
    private readonly float[] _scores;
    private int _k;
    private int _count;

    public TopKSelector(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _ids = new int[capacity];
        _scores = new float[capacity];
        _k = capacity;
    }

    public int Capacity => _ids.Length;

    /// <summary>Number of pairs currently held (at most k).</summary>
    public int Count => _count;

    /// <summary>The score a candidate must beat to enter once the heap is full.</summary>
    public float Threshold => _k == 0 ? float.PositiveInfinity : _count < _k ? float.NegativeInfinity : _scores[0];

    public void Reset(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, _ids.Length);
        _k = k;
        _count = 0;
    }

    public void Offer(int id, float score)
    {
        if (float.IsNaN(score) || _k == 0) return;
        if (_count < _k)
        {
            _ids[_count] = id;
            _scores[_count] = score;
            SiftUp(_count++);
        }
        else if (Better(score, id, _scores[0], _ids[0]))
        {
            _ids[0] = id;
            _scores[0] = score;
            SiftDown(0);
        }
    }

    /// <summary>Offers every entry of a dense score vector (index = id).</summary>
    public void OfferAll(ReadOnlySpan<float> scores)
    {
        if (_k == 0) return;
        for (var i = 0; i < scores.Length; i++)
        {
            var s = scores[i];
            // A tie still enters when the held worst has a larger id (offered earlier through Offer).
            if (_count < _k || s > _scores[0] || (s == _scores[0] && i < _ids[0])) Offer(i, s);
        }
    }

    /// <summary>Writes the held pairs best-first and empties the selector; returns how many were written.</summary>
    public int Drain(Span<int> ids, Span<float> scores)
    {
        var n = _count;
        if (ids.Length < n || scores.Length < n) throw new ArgumentException($"Output spans must hold {n} entries.");
        for (var i = n - 1; i >= 0; i--)
        {
            ids[i] = _ids[0];
            scores[i] = _scores[0];
            _count--;
            if (_count > 0)
            {
                _ids[0] = _ids[_count];
                _scores[0] = _scores[_count];
                SiftDown(0);
            }
        }
        return n;
    }

    // a is better than b: higher score, or equal score and smaller id.
    private static bool Better(float sa, int ia, float sb, int ib) => sa > sb || (sa == sb && ia < ib);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Better(_scores[parent], _ids[parent], _scores[i], _ids[i])) break;
            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var left = 2 * i + 1;
            if (left >= _count) break;
            var worst = left;
            var right = left + 1;
            if (right < _count && Better(_scores[left], _ids[left], _scores[right], _ids[right])) worst = right;
            if (!Better(_scores[i], _ids[i], _scores[worst], _ids[worst])) break;
            Swap(i, worst);
            i = worst;
        }
    }

    private void Swap(int a, int b)
    {
        (_ids[a], _ids[b]) = (_ids[b], _ids[a]);
        (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
    }
}
