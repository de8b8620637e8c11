using System.Runtime.CompilerServices;

namespace Encore.Models.Neighbourhood;

/// <summary>
/// Collects one row's (id, similarity) candidates into a buffer of a few times k entries so that its k best (by
/// <see cref="CandidateSelection.Better"/>: higher similarity, then smaller id) are among the kept ones. When the
/// buffer fills, a quickselect keeps the k best, and the worst of those becomes a threshold that every later candidate
/// must beat to be stored: a row touching thousands of documents then costs one comparison for most of them instead of
/// a place in a quickselect over all of them.
/// </summary>
/// <remarks>
/// Candidates are written at the front of the scratch's <see cref="NeighbourRow.Scratch.Touched"/> and
/// <see cref="NeighbourRow.Scratch.CandidateScores"/>. The sparse path reads its touch list from the same array:
/// the write position never passes the read position (one write at most per entry read), so this is safe.
/// </remarks>
internal ref struct BoundedSelection
{
    private readonly Span<int> _ids;
    private readonly Span<float> _scores;
    private readonly int _k;
    private readonly int _capacity;
    private float _thresholdScore;
    private int _thresholdId;
    private bool _bounded;

    /// <summary>Starts an empty selection of the k best (k &gt;= 0) in the scratch's candidate arrays.</summary>
    public BoundedSelection(NeighbourRow.Scratch s, int k)
    {
        _ids = s.Touched;
        _scores = s.CandidateScores;
        _k = k;
        // Enough slack that a refill is rare once the threshold has settled, and at least k + 1 (k < documents).
        _capacity = Math.Min(Math.Max(4 * k, 64), _scores.Length);
        // k = 0 keeps nothing: a threshold no candidate beats.
        (_thresholdScore, _thresholdId, _bounded) = k == 0 ? (float.PositiveInfinity, -1, true) : (0f, 0, false);
    }

    /// <summary>Candidates stored so far; after <see cref="Offer"/> calls, the k best are among the first Count.</summary>
    public int Count { get; private set; }

    /// <summary>Similarity a candidate must reach to be stored (ties then go by id); -infinity until the buffer first fills.</summary>
    public readonly float Floor => _bounded ? _thresholdScore : float.NegativeInfinity;

    /// <summary>Offers document <paramref name="id"/> with similarity dot / denominator (none if the denominator is not positive or the quotient is NaN).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Offer(int id, float dot, float denominator)
    {
        if (!(denominator > 0)) return;
        var score = dot / denominator;
        if (float.IsNaN(score)) return;
        if (_bounded && !CandidateSelection.Better(score, id, _thresholdScore, _thresholdId)) return;
        _ids[Count] = id;
        _scores[Count] = score;
        if (++Count == _capacity) Shrink();
    }

    // Keeps the k best of the buffer and raises the threshold to the worst of them.
    private void Shrink()
    {
        Count = CandidateSelection.SelectBest(_ids, _scores, Count, _k);
        var worst = 0;
        for (var i = 1; i < Count; i++)
            if (CandidateSelection.Better(_scores[worst], _ids[worst], _scores[i], _ids[i])) worst = i;
        (_thresholdScore, _thresholdId, _bounded) = (_scores[worst], _ids[worst], true);
    }
}
