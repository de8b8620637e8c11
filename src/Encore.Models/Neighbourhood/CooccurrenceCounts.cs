using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Encore.Core.Sparse;

namespace Encore.Models.Neighbourhood;

/// <summary>
/// The accumulation and scoring steps of <see cref="NeighbourRow"/> for binary input (every value 1, plain cosine):
/// dot(d, o) is then the number of terms d and o share, counted in a per-worker <see cref="ushort"/> array (half the
/// cache footprint of the float accumulator, and no stamp array: a count of 0 is what marks an untouched document).
/// The count converts exactly to the float the general path sums (1 + 1 + ... is exact below 2^24), so the
/// similarities, and with them the neighbours, are bit-identical to the general path's.
/// </summary>
/// <remarks>
/// Usable when every document has fewer than <see cref="MaxRowLength"/> terms (<see cref="Fits"/>): a count never
/// exceeds the row's length, and the row's own entry (pre-set to 1, so it never enters the touch list) never wraps.
/// </remarks>
internal static class CooccurrenceCounts
{
    /// <summary>Documents must have fewer terms than this for the counts to fit a <see cref="ushort"/>.</summary>
    public const int MaxRowLength = ushort.MaxValue - 1;

    /// <summary>True when <paramref name="documents"/> is binary (every value 1) and every row is shorter than <see cref="MaxRowLength"/>.</summary>
    public static bool Fits(CsrMatrix documents)
    {
        foreach (var v in documents.Values)
            if (v != 1f) return false;
        for (var d = 0; d < documents.Rows; d++)
            if (documents.RowLength(d) >= MaxRowLength) return false;
        return true;
    }

    /// <summary>Counts the terms every o != d shares with d into <c>s.Counts</c> and lists each such o once in
    /// <c>s.Touched</c>, in the order they are first met; returns how many.</summary>
    public static int Accumulate(CsrMatrix documents, CsrMatrix terms, int d, NeighbourRow.Scratch s)
    {
        var rowTerms = documents.RowIndices(d);
        var offsets = terms.Offsets;
        ref var termDocs = ref MemoryMarshal.GetReference(terms.ColumnIndices);
        ref var counts = ref MemoryMarshal.GetArrayDataReference(s.Counts!);
        ref var list = ref MemoryMarshal.GetArrayDataReference(s.Touched);
        // d's own count starts at 1, so it is never 0 when met and d never enters the list.
        Unsafe.Add(ref counts, d) = 1;
        nint touched = 0;
        PrefetchAhead(terms, rowTerms, 0, PrefetchDistance);
        for (var p = 0; p < rowTerms.Length; p++)
        {
            PrefetchAhead(terms, rowTerms, p + PrefetchDistance, 1);
            var t = rowTerms[p];
            nint start = offsets[t], end = offsets[t + 1];
            // Branch-free append: write o at the end and advance only if its count was 0 (first meeting).
            for (var q = start; q < end; q++)
            {
                var o = (nint)Unsafe.Add(ref termDocs, q);
                Unsafe.Add(ref list, touched) = (int)o;
                ref var count = ref Unsafe.Add(ref counts, o);
                touched += count == 0 ? 1 : 0;
                count++;
            }
        }
        Unsafe.Add(ref counts, d) = 0;
        return (int)touched;
    }

    /// <summary>Terms ahead whose document lists are prefetched: a row visits its terms' lists at scattered places
    /// of a matrix larger than L2, and the first lines of each list would otherwise be a cache miss the core waits for.</summary>
    internal const int PrefetchDistance = 4;

    /// <summary>Lines prefetched from the start of a list (the hardware prefetcher follows a long list after these).</summary>
    private const int PrefetchLines = 8;

    /// <summary>Prefetches the first lines of the document lists of rowTerms[from .. from + count) that exist.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static unsafe void PrefetchAhead(CsrMatrix terms, ReadOnlySpan<int> rowTerms, int from, int count)
    {
        if (!Sse.IsSupported) return;
        var end = Math.Min(rowTerms.Length, from + count);
        var offsets = terms.Offsets;
        ref var docs = ref MemoryMarshal.GetReference(terms.ColumnIndices);
        for (var p = from; p < end; p++)
        {
            var t = rowTerms[p];
            var start = offsets[t];
            var bytes = Math.Min(offsets[t + 1] - start, PrefetchLines * 16) * sizeof(int);
            // A prefetch never faults: should the GC move the array meanwhile, only a useless line is fetched.
            var first = (byte*)Unsafe.AsPointer(ref Unsafe.Add(ref docs, start));
            for (var b = 0; b < bytes; b += 64) Sse.Prefetch0(first + b);
        }
    }

    /// <summary>The touched documents' similarities offered to the selection; resets their counts. Returns the candidate count.</summary>
    /// <remarks>Eight touched documents at a time with AVX2: their counts and norms are gathered and the similarities
    /// computed lane-wise (the same multiply, add and correctly rounded divide as the scalar code); only lanes that reach
    /// the selection's floor go to <see cref="BoundedSelection.Offer"/>, which computes them again exactly as the scalar loop.</remarks>
    public static unsafe int Score(float[] norms, float shrink, int d, NeighbourRow.Scratch s, int touched, int k)
    {
        var counts = s.Counts!;
        var ids = s.Touched.AsSpan(0, touched);
        var selection = new BoundedSelection(s, k);
        var norm = norms[d];
        var i = 0;
        if (Avx2.IsSupported && ids.Length >= Vector256<int>.Count)
        {
            fixed (ushort* c = counts)
            fixed (float* n = norms)
            fixed (int* t = ids)
            {
                var normV = Vector256.Create(norm);
                var shrinkV = Vector256.Create(shrink);
                for (; i + Vector256<int>.Count <= ids.Length; i += Vector256<int>.Count)
                {
                    var o = Avx.LoadVector256(t + i);
                    // Count o is the high half of the 32 bits that end with it (bytes 2o - 2 .. 2o + 1): for o = 0 the low
                    // half is the array's length field, inside the object, so no read leaves the array.
                    var dots = Avx.ConvertToVector256Single(Avx2.ShiftRightLogical(Avx2.GatherVector256((int*)(c - 1), o, 2), 16));
                    var denominators = normV * Avx2.GatherVector256(n, o, 4) + shrinkV;
                    for (var j = 0; j < Vector256<int>.Count; j++) c[t[i + j]] = 0;
                    var lanes = Vector256.GreaterThanOrEqual(dots / denominators, Vector256.Create(selection.Floor)).ExtractMostSignificantBits();
                    while (lanes != 0)
                    {
                        var lane = BitOperations.TrailingZeroCount(lanes);
                        selection.Offer(t[i + lane], dots.GetElement(lane), denominators.GetElement(lane));
                        lanes &= lanes - 1;
                    }
                }
            }
        }
        for (; i < ids.Length; i++)
        {
            var o = ids[i];
            float dot = counts[o];
            counts[o] = 0;
            selection.Offer(o, dot, norm * norms[o] + shrink);
        }
        return selection.Count;
    }

    /// <summary>Counts without listing (a row that meets most documents); d's own count is reset.</summary>
    public static void AccumulateDense(CsrMatrix documents, CsrMatrix terms, int d, NeighbourRow.Scratch s)
    {
        var offsets = terms.Offsets;
        ref var termDocs = ref MemoryMarshal.GetReference(terms.ColumnIndices);
        ref var counts = ref MemoryMarshal.GetArrayDataReference(s.Counts!);
        var rowTerms = documents.RowIndices(d);
        PrefetchAhead(terms, rowTerms, 0, PrefetchDistance);
        for (var p = 0; p < rowTerms.Length; p++)
        {
            PrefetchAhead(terms, rowTerms, p + PrefetchDistance, 1);
            var t = rowTerms[p];
            nint start = offsets[t], end = offsets[t + 1];
            for (var q = start; q < end; q++)
                Unsafe.Add(ref counts, (nint)Unsafe.Add(ref termDocs, q))++;
        }
        s.Counts![d] = 0;
    }

    /// <summary>Every document with a nonzero count offered to the selection, in id order, sixteen counts at a
    /// time (the same multiply, add and correctly rounded divide as the scalar code); resets the counts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int ScoreDense(float[] norms, float shrink, int d, NeighbourRow.Scratch s, int k)
    {
        var counts = s.Counts!;
        var selection = new BoundedSelection(s, k);
        var norm = norms[d];
        var o = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var c = ref MemoryMarshal.GetArrayDataReference(counts);
            ref var n = ref MemoryMarshal.GetArrayDataReference(norms);
            var normV = Vector256.Create(norm);
            var shrinkV = Vector256.Create(shrink);
            for (; o + Vector256<ushort>.Count <= counts.Length; o += Vector256<ushort>.Count)
            {
                var block = Vector256.LoadUnsafe(ref c, (nuint)o);
                if (block == Vector256<ushort>.Zero) continue;
                Vector256<ushort>.Zero.StoreUnsafe(ref c, (nuint)o);
                var (low, high) = Vector256.Widen(block);
                Offer(ref selection, o, Vector256.ConvertToSingle(low.AsInt32()), ref n, normV, shrinkV);
                Offer(ref selection, o + Vector256<float>.Count, Vector256.ConvertToSingle(high.AsInt32()), ref n, normV, shrinkV);
            }
        }
        for (; o < counts.Length; o++)
        {
            float dot = counts[o];
            if (dot == 0) continue;
            counts[o] = 0;
            selection.Offer(o, dot, norm * norms[o] + shrink);
        }
        return selection.Count;
    }

    // Eight documents from `first`: lanes with a nonzero count whose similarity reaches the selection's floor are offered.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Offer(ref BoundedSelection selection, int first, Vector256<float> dots, ref float norms, Vector256<float> normV, Vector256<float> shrinkV)
    {
        var nonzero = ~Vector256.Equals(dots, Vector256<float>.Zero);
        if (nonzero == Vector256<float>.Zero) return;
        var denominators = normV * Vector256.LoadUnsafe(ref norms, (nuint)first) + shrinkV;
        var reach = Vector256.GreaterThanOrEqual(dots / denominators, Vector256.Create(selection.Floor));
        var lanes = (nonzero & reach).ExtractMostSignificantBits();
        while (lanes != 0)
        {
            var lane = BitOperations.TrailingZeroCount(lanes);
            selection.Offer(first + lane, dots.GetElement(lane), denominators.GetElement(lane));
            lanes &= lanes - 1;
        }
    }
}
