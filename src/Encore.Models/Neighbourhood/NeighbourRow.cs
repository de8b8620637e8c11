using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Encore.Core.Sparse;

namespace Encore.Models.Neighbourhood;

/// <summary>
/// The top-K neighbours of one row d of a documents x terms matrix: dot(d, o) for every document o sharing a term
/// with d, accumulated term by term (in the row's term order, then the term's document order) into a dense
/// accumulator; sim = dot / (|d| |o| + shrink); the K best by "higher similarity, then smaller id"
/// (<see cref="KeySelection"/>), sorted by id.
/// </summary>
/// <remarks>
/// The documents touched by a row are listed as they are first met. A per-worker stamp array marks them (stamp d + 1,
/// so nothing is ever cleared), and the list append is branch-free: every update writes its document to the end of the
/// list and advances the end only if the stamp was not yet set. Only the touched entries of the accumulator are read
/// and reset afterwards. Per update: two loads, two stores and an add; no mispredicted branch.
/// The scalar methods carry no AggressiveOptimization: that attribute keeps a method out of the ReadyToRun image, and
/// compiling them at run time cost a small fit more than their ReadyToRun code does (the CLI runs without tiering).
/// </remarks>
internal static class NeighbourRow
{
    /// <summary>
    /// Writes row <paramref name="d"/>'s neighbours (ids ascending, similarities alongside) to the front of
    /// <paramref name="items"/> / <paramref name="scores"/>, at most their length; returns how many.
    /// </summary>
    /// <param name="documents">documents x terms, values &gt;= 0.</param>
    /// <param name="terms">Its transpose (terms x documents).</param>
    /// <param name="unitWeights">Every value of <paramref name="terms"/> is 1 (binary input, plain cosine): the
    /// updates then add the row's value without reading the other document's (v * 1 = v, so the sums are the same).</param>
    /// <param name="norms">|row| of every document.</param>
    /// <param name="shrink">Added to the cosine denominator, &gt;= 0.</param>
    /// <param name="d">The row.</param>
    /// <param name="s">The worker's scratch (all its arrays have one entry per document).</param>
    /// <param name="items">Output ids; its length is the number of neighbours wanted.</param>
    /// <param name="scores">Output similarities, as long as <paramref name="items"/>.</param>
    /// <param name="work">Accumulator updates of row d (<see cref="SparseNeighbours.RowWork"/>).</param>
    public static int Compute(CsrMatrix documents, CsrMatrix terms, bool unitWeights, float[] norms, float shrink, int d, long work, Scratch s, Span<int> items, Span<float> scores)
    {
        // A row whose updates outnumber half the documents meets most of them: accumulating without the touch list and
        // scanning the whole accumulator afterwards is then cheaper (one sequential pass instead of two extra memory
        // operations per update).
        var dense = work * 2 >= norms.Length;
        int candidates;
        if (s.Counts is not null)
        {
            // Binary input: shared-term counts (CooccurrenceCounts), the same similarities.
            if (dense)
            {
                CooccurrenceCounts.AccumulateDense(documents, terms, d, s);
                candidates = CooccurrenceCounts.ScoreDense(norms, shrink, d, s, items.Length);
            }
            else
            {
                var touched = CooccurrenceCounts.Accumulate(documents, terms, d, s);
                candidates = CooccurrenceCounts.Score(norms, shrink, d, s, touched, items.Length);
            }
        }
        else if (dense)
        {
            AccumulateDense(documents, terms, unitWeights, d, s);
            candidates = ScoreDense(norms, shrink, d, s, items.Length);
        }
        else
        {
            var touched = Accumulate(documents, terms, unitWeights, d, s);
            candidates = Score(norms, shrink, d, s, touched, items.Length);
        }
        var count = KeySelection.SelectTop(s.CandidateKeys.AsSpan(0, candidates), items.Length);
        // Sorted as (id << 32 | score bits) keys: one primitive sort, no key / value pairs moved through a comparer.
        var keys = s.SortKeys.AsSpan(0, count);
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            var candidate = s.CandidateKeys[i];
            var score = KeySelection.ScoreOf(candidate);
            if (score != 0) keys[kept++] = ((long)KeySelection.IdOf(candidate) << 32) | (uint)BitConverter.SingleToInt32Bits(score);
        }
        keys = keys[..kept];
        SortById(keys);
        for (var i = 0; i < keys.Length; i++)
        {
            items[i] = (int)(keys[i] >> 32);
            scores[i] = BitConverter.Int32BitsToSingle((int)keys[i]);
        }
        return kept;
    }

    /// <summary>Rows up to this many neighbours are sorted by insertion: Span.Sort of longs costs more for short spans
    /// (under Native AOT it compares through a generic comparer).</summary>
    private const int InsertionSortMax = 128;

    // Ascending sort of the (id << 32 | score bits) keys; the ids are distinct, so this is the order by id.
    private static void SortById(Span<long> keys)
    {
        if (keys.Length > InsertionSortMax)
        {
            keys.Sort();
            return;
        }
        for (var i = 1; i < keys.Length; i++)
        {
            var v = keys[i];
            var j = i - 1;
            while (j >= 0 && keys[j] > v)
            {
                keys[j + 1] = keys[j];
                j--;
            }
            keys[j + 1] = v;
        }
    }

    // Sums dot(d, o) into the accumulator for every o sharing a term with d; returns how many distinct o != d
    // it listed in s.Touched. The accumulator's entry for d itself is summed too and reset here.
    private static int Accumulate(CsrMatrix documents, CsrMatrix terms, bool unitWeights, int d, Scratch s)
    {
        var rowTerms = documents.RowIndices(d);
        var rowValues = documents.RowValues(d);
        var offsets = terms.Offsets;
        ref var termDocs = ref MemoryMarshal.GetReference(terms.ColumnIndices);
        ref var termValues = ref MemoryMarshal.GetReference(terms.Values);
        ref var acc = ref MemoryMarshal.GetArrayDataReference(s.Accumulator);
        ref var stamps = ref MemoryMarshal.GetArrayDataReference(s.Stamps);
        ref var list = ref MemoryMarshal.GetArrayDataReference(s.Touched);
        var stamp = d + 1;
        // d is marked first, so it never enters the list.
        s.Stamps[d] = stamp;
        nint touched = 0;
        CooccurrenceCounts.PrefetchAhead(terms, rowTerms, 0, CooccurrenceCounts.PrefetchDistance);
        for (var p = 0; p < rowTerms.Length; p++)
        {
            CooccurrenceCounts.PrefetchAhead(terms, rowTerms, p + CooccurrenceCounts.PrefetchDistance, 1);
            var v = rowValues[p];
            var t = rowTerms[p];
            nint start = offsets[t], end = offsets[t + 1];
            // touched < documents - 1 here (at most every other document is listed), so the list write is in range.
            if (unitWeights)
                for (var q = start; q < end; q++)
                {
                    var o = (nint)Unsafe.Add(ref termDocs, q);
                    Unsafe.Add(ref list, touched) = (int)o;
                    ref var mark = ref Unsafe.Add(ref stamps, o);
                    touched += mark != stamp ? 1 : 0;
                    mark = stamp;
                    Unsafe.Add(ref acc, o) += v;
                }
            else
                for (var q = start; q < end; q++)
                {
                    var o = (nint)Unsafe.Add(ref termDocs, q);
                    Unsafe.Add(ref list, touched) = (int)o;
                    ref var mark = ref Unsafe.Add(ref stamps, o);
                    touched += mark != stamp ? 1 : 0;
                    mark = stamp;
                    Unsafe.Add(ref acc, o) += v * Unsafe.Add(ref termValues, q);
                }
        }
        s.Accumulator[d] = 0;
        return (int)touched;
    }

    // Turns the touched entries into (id, similarity) candidates at the front of s.Touched / s.CandidateScores,
    // resetting the accumulator; returns how many (the k best among them are the row's k best).
    private static int Score(float[] norms, float shrink, int d, Scratch s, int touched, int k)
    {
        var acc = s.Accumulator;
        var ids = s.Touched.AsSpan(0, touched);
        var selection = new BoundedSelection(s, k);
        var norm = norms[d];
        for (var i = 0; i < ids.Length; i++)
        {
            var o = ids[i];
            var dot = acc[o];
            acc[o] = 0;
            if (dot != 0) selection.Offer(o, dot, norm * norms[o] + shrink);
        }
        return selection.Count;
    }

    // As Score, over every document in id order (the dense path: the row itself was reset by AccumulateDense). Eight
    // documents at a time: the similarities are computed lane-wise (the same multiply, add and correctly rounded divide
    // as the scalar code, so the same values), and only lanes with a nonzero dot product that reach the selection's
    // threshold go to the selection.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ScoreDense(float[] norms, float shrink, int d, Scratch s, int k)
    {
        var acc = s.Accumulator;
        var selection = new BoundedSelection(s, k);
        var norm = norms[d];
        var o = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var a = ref MemoryMarshal.GetArrayDataReference(acc);
            ref var n = ref MemoryMarshal.GetArrayDataReference(norms);
            var normV = Vector256.Create(norm);
            var shrinkV = Vector256.Create(shrink);
            for (; o + Vector256<float>.Count <= acc.Length; o += Vector256<float>.Count)
            {
                var dots = Vector256.LoadUnsafe(ref a, (nuint)o);
                var nonzero = ~Vector256.Equals(dots, Vector256<float>.Zero);
                if (nonzero == Vector256<float>.Zero) continue;
                Vector256<float>.Zero.StoreUnsafe(ref a, (nuint)o);
                var denominators = normV * Vector256.LoadUnsafe(ref n, (nuint)o) + shrinkV;
                var reach = Vector256.GreaterThanOrEqual(dots / denominators, Vector256.Create(selection.Floor));
                var lanes = (nonzero & reach).ExtractMostSignificantBits();
                while (lanes != 0)
                {
                    var lane = BitOperations.TrailingZeroCount(lanes);
                    selection.Offer(o + lane, dots.GetElement(lane), denominators.GetElement(lane));
                    lanes &= lanes - 1;
                }
            }
        }
        for (; o < acc.Length; o++)
        {
            var dot = acc[o];
            if (dot == 0) continue;
            acc[o] = 0;
            selection.Offer(o, dot, norm * norms[o] + shrink);
        }
        return selection.Count;
    }

    // Sums dot(d, o) into the accumulator for every o sharing a term with d, without listing them; resets d's own entry.
    private static void AccumulateDense(CsrMatrix documents, CsrMatrix terms, bool unitWeights, int d, Scratch s)
    {
        var rowTerms = documents.RowIndices(d);
        var rowValues = documents.RowValues(d);
        var offsets = terms.Offsets;
        ref var termDocs = ref MemoryMarshal.GetReference(terms.ColumnIndices);
        ref var termValues = ref MemoryMarshal.GetReference(terms.Values);
        ref var acc = ref MemoryMarshal.GetArrayDataReference(s.Accumulator);
        CooccurrenceCounts.PrefetchAhead(terms, rowTerms, 0, CooccurrenceCounts.PrefetchDistance);
        for (var p = 0; p < rowTerms.Length; p++)
        {
            CooccurrenceCounts.PrefetchAhead(terms, rowTerms, p + CooccurrenceCounts.PrefetchDistance, 1);
            var v = rowValues[p];
            var t = rowTerms[p];
            nint start = offsets[t], end = offsets[t + 1];
            if (unitWeights)
                for (var q = start; q < end; q++)
                    Unsafe.Add(ref acc, (nint)Unsafe.Add(ref termDocs, q)) += v;
            else
                for (var q = start; q < end; q++)
                    Unsafe.Add(ref acc, (nint)Unsafe.Add(ref termDocs, q)) += v * Unsafe.Add(ref termValues, q);
        }
        s.Accumulator[d] = 0;
    }

    /// <summary>One worker's buffers (one entry per document, the sort keys one per neighbour); reused for every row
    /// without clearing. With <paramref name="counts"/> the rows are accumulated as shared-term counts
    /// (<see cref="CooccurrenceCounts"/>) and the float accumulator and stamps are not allocated.</summary>
    internal sealed class Scratch(int documents, int neighbours, bool counts = false)
    {
        /// <summary>Dot products of the current row; all zero between rows. Empty in counts mode.</summary>
        public float[] Accumulator { get; } = counts ? [] : new float[documents];

        /// <summary>Row d + 1 for a document already listed while row d is accumulated. Empty in counts mode.</summary>
        public int[] Stamps { get; } = counts ? [] : new int[documents];

        /// <summary>Shared-term counts of the current row (counts mode only, else null); all zero between rows.</summary>
        public ushort[]? Counts { get; } = counts ? new ushort[documents] : null;

        /// <summary>The documents touched by the current row (one slot of slack for the branch-free append).</summary>
        public int[] Touched { get; } = new int[documents + 1];

        /// <summary>The row's stored candidates as <see cref="KeySelection"/> keys (<see cref="BoundedSelection"/>'s buffer).</summary>
        public ulong[] CandidateKeys { get; } = new ulong[BoundedSelection.Capacity(documents, Math.Max(0, Math.Min(neighbours, documents - 1)))];

        /// <summary>The selected neighbours as (id &lt;&lt; 32 | similarity bits), for sorting by id.</summary>
        public long[] SortKeys { get; } = new long[neighbours];
    }
}
