using System.Runtime.CompilerServices;

namespace Encore.Models.Neighbourhood;

/// <summary>
/// Collects one row's (id, similarity) candidates, as <see cref="KeySelection"/> keys, into a buffer of a few times k
/// entries so that its k best (higher similarity, then smaller id) are among the kept ones. When the buffer fills, a
/// quickselect keeps the k best, and the worst of those becomes a threshold that every later candidate must beat to be
/// stored: a row touching thousands of documents then costs one comparison for most of them instead of a place in a
/// quickselect over all of them.
/// </summary>
/// <remarks>The keys are written at the front of the scratch's <see cref="NeighbourRow.Scratch.CandidateKeys"/>.</remarks>
internal ref struct BoundedSelection
{
    private readonly Span<ulong> _keys;
    private readonly int _k;
    private ulong _threshold;
    private float _floor;

    /// <summary>Buffer size for <paramref name="documents"/> documents and k neighbours: enough slack that a refill is
    /// rare once the threshold has settled, and at least k + 1 (k &lt; documents).</summary>
    public static int Capacity(int documents, int k) => Math.Min(Math.Max(4 * k, 64), documents);

    /// <summary>Starts an empty selection of the k best (0 &lt;= k &lt; documents) in the scratch's key buffer.</summary>
    public BoundedSelection(NeighbourRow.Scratch s, int k)
    {
        _keys = s.CandidateKeys;
        _k = k;
        // Every key is above 0 (KeySelection.Key), so 0 admits all; k = 0 keeps nothing: a threshold no key beats.
        _threshold = k == 0 ? ulong.MaxValue : 0;
        _floor = k == 0 ? float.PositiveInfinity : float.NegativeInfinity;
    }

    /// <summary>Candidates stored so far; after <see cref="Offer"/> calls, the k best are among the first Count.</summary>
    public int Count { get; private set; }

    /// <summary>Similarity a candidate must reach to be stored (ties then go by id); -infinity until the buffer first fills.</summary>
    public readonly float Floor => _floor;

    /// <summary>Offers document <paramref name="id"/> with similarity dot / denominator, clamped to [-1, 1] (a cosine of
    /// parallel rows can round to 1.0000001); none if the denominator is not positive or the quotient is NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Offer(int id, float dot, float denominator)
    {
        if (!(denominator > 0)) return;
        var score = Math.Clamp(dot / denominator, -1f, 1f);
        if (float.IsNaN(score)) return;
        var key = KeySelection.Key(id, score);
        if (key <= _threshold) return;
        _keys[Count] = key;
        if (++Count == _keys.Length) Shrink();
    }

    // Keeps the k best of the buffer and raises the threshold to the worst of them.
    private void Shrink()
    {
        Count = KeySelection.SelectTop(_keys[..Count], _k);
        var worst = ulong.MaxValue;
        foreach (var key in _keys[..Count]) worst = Math.Min(worst, key);
        _threshold = worst;
        _floor = KeySelection.ScoreOf(worst);
    }
}
