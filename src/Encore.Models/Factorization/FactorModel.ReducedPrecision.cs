using Encore.Core.Ranking;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Factorization;

/// <summary>
/// Reduced-precision scoring for serving: item factors kept a second time as float16 (half the bytes of the float32
/// scoring copy, built on first use), every item scored from them, then every item whose float16 score could place
/// it in the float32 top-k rescored exactly. The top-k is the float32 path's, ids and scores bit for bit.
/// </summary>
public abstract partial class FactorModel
{
    private HalfFactors? _itemsHalf;

    /// <summary>
    /// True when the item factors fit float16 (finite, below 65504), so <see cref="ScoreVectorReducedPrecision"/>
    /// may be used; builds the float16 copy on first call (d x items x 2 bytes).
    /// </summary>
    public bool SupportsReducedPrecision => HalfItems.Representable;

    private HalfFactors HalfItems => LazyInitializer.EnsureInitialized(ref _itemsHalf, () =>
    {
        using var lease = _itemFactors.Lease();
        return new HalfFactors(_itemFactors.Span, Items.Count, Dimensions);
    });

    /// <summary>
    /// Approximate scores of every item for <paramref name="userVector"/> from the float16 item factors: each within
    /// <see cref="ReducedPrecisionErrorBound"/> of the float32 score. Pass them (masked with NaN for filtered items) to
    /// <see cref="RescoreCandidates"/> before selecting.
    /// </summary>
    /// <param name="userVector"><see cref="Dimensions"/> floats.</param>
    /// <param name="scores">Length Items.Count.</param>
    /// <param name="scratch">At least Dimensions x 256 + 256 floats (a per-thread buffer; <see cref="ReducedPrecisionScratchLength"/>).</param>
    /// <exception cref="ArgumentException">Lengths do not fit.</exception>
    /// <exception cref="InvalidOperationException">The factors do not fit float16 (<see cref="SupportsReducedPrecision"/>).</exception>
    public void ScoreVectorReducedPrecision(ReadOnlySpan<float> userVector, Span<float> scores, Span<float> scratch)
    {
        var half = HalfItems;
        if (!half.Representable) throw new InvalidOperationException("The item factors do not fit float16; use ScoreVector.");
        if (scratch.Length < ReducedPrecisionScratchLength) throw new ArgumentException($"scratch must hold {ReducedPrecisionScratchLength} floats.", nameof(scratch));
        using var lease = LeaseFactors(); // the vector is often a view of this model's own mapping
        half.Score(userVector, scores, scratch[..half.ScratchLength], scratch.Slice(half.ScratchLength, HalfFactors.TileItems));
    }

    /// <summary>Floats of scratch <see cref="ScoreVectorReducedPrecision"/> needs.</summary>
    public int ReducedPrecisionScratchLength => Dimensions * HalfFactors.TileItems + HalfFactors.TileItems;

    /// <summary>Bound on |float16-path score - float32-path score| for any item and this user vector (see HalfFactors.ErrorBound).</summary>
    public float ReducedPrecisionErrorBound(ReadOnlySpan<float> userVector) => HalfItems.ErrorBound(userVector);

    /// <summary>
    /// Turns masked approximate scores into exact ones where it matters: with T the k-th largest approximate score
    /// (NaN = filtered out) and B the error bound, every item with approximate score >= T - 2B gets its float32 score
    /// (the same fma order as <see cref="ScoreVector"/>, so bit-identical) and every other item NaN. Any item of the
    /// float32 top-k has a float32 score >= T - B (k items reach that), hence an approximate one >= T - 2B: selecting
    /// the top k of the result gives the float32 top-k, ties (smaller id first) included. Returns the candidates rescored.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths do not fit.</exception>
    public int RescoreCandidates(ReadOnlySpan<float> userVector, Span<float> scores, int k, TopKSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        if (userVector.Length != Dimensions || scores.Length != Items.Count) throw new ArgumentException("user vector or scores do not fit the model.");
        k = Math.Min(k, selector.Capacity);
        using var lease = LeaseFactors();
        selector.Reset(k);
        selector.OfferAll(scores);
        var kth = selector.Count < k ? float.NegativeInfinity : selector.Threshold;
        var cut = kth - 2 * ReducedPrecisionErrorBound(userVector);
        var d = Dimensions;
        var rescored = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (!(scores[i] >= cut))
            {
                scores[i] = float.NaN;
                continue;
            }
            var y = _itemFactors.Slice((long)i * d, d);
            var acc = 0f;
            for (var f = 0; f < d; f++) acc = MathF.FusedMultiplyAdd(y[f], userVector[f], acc);
            scores[i] = acc;
            rescored++;
        }
        return rescored;
    }
}
