using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Encore.Models.Factorization.Kernels;

internal static partial class SparseRowTerms
{
    /// <summary>Most nonzeros <see cref="AddBlock"/> takes (a block's factor-row budget at d = 16, the smallest block d).</summary>
    public const int MaxBlockNonZeros = BlockConjugateGradient.FactorBytesPerBlock / (4 * 16);

    /// <summary>
    /// <see cref="Add"/> for every row of a block at once: block row i has the nonzeros [starts[i], starts[i + 1]) of
    /// <paramref name="indices"/> / <paramref name="values"/> (rows of <paramref name="factors"/>), and reads and writes
    /// the i-th d floats of <paramref name="v"/> and <paramref name="output"/>. A row of eight or more nonzeros takes
    /// <see cref="Add"/> itself (its weighted sum follows its dots while the rows are in L1). The rows of one to seven,
    /// which <see cref="Add"/> fills up to a group of eight by repeating a row (a row with one nonzero costs eight dots and a
    /// call), have their dots packed eight to a group across rows (<see cref="Dot8Lanes"/>, one v per lane), then each
    /// such row its weights and weighted sum. Every dot is <see cref="DotReference"/>'s arithmetic, every weight
    /// <see cref="Add"/>'s, and each output adds its own row's terms in the order k = 0, 1, ..., so each row's result is
    /// bit-identical to <see cref="Add"/> on that row. Vector path only (AVX2 + FMA, d a multiple of 8); at most
    /// <see cref="MaxBlockNonZeros"/> nonzeros. <paramref name="prefetch"/>: the residual requests each factor row 8
    /// nonzeros early (off when the rows were just copied into a buffer).
    /// </summary>
    /// <exception cref="ArgumentException">More than <see cref="MaxBlockNonZeros"/> nonzeros, or starts shorter than count + 1.</exception>
    [SkipLocalsInit]
    public static void AddBlock(ReadOnlySpan<float> factors, int d, ReadOnlySpan<int> indices, ReadOnlySpan<float> values,
        ReadOnlySpan<int> starts, int count, float alpha, ReadOnlySpan<float> v, Span<float> output, bool residual, bool prefetch)
    {
        if (starts.Length <= count || starts[count] > MaxBlockNonZeros || starts[count] > indices.Length)
            throw new ArgumentException($"block sparse terms: {count} rows need {count + 1} starts and at most {MaxBlockNonZeros} nonzeros.");
        var total = starts[count];
        Span<float> dots = stackalloc float[total + Lanes]; // + Lanes: a short row's dots are read as one vector
        Span<int> laneK = stackalloc int[Lanes];
        Span<int> laneRow = stackalloc int[Lanes];
        ref var f0 = ref MemoryMarshal.GetReference(factors);
        ref var v0 = ref MemoryMarshal.GetReference(v);
        ref var i0 = ref MemoryMarshal.GetReference(indices);
        var pending = 0;
        for (var i = 0; i < count; i++)
        {
            var start = starts[i];
            var n = starts[i + 1] - start;
            if (n >= Lanes)
            {
                // A long row: Add itself, whose weighted sum follows its dots while the rows are still in L1.
                Add(factors, d, indices.Slice(start, n), values.Slice(start, n), alpha, v.Slice(i * d, d), output.Slice(i * d, d), residual, prefetch);
                continue;
            }
            if (residual && prefetch) PrefetchAheadOf(ref f0, indices, start, d);
            for (var k = start; k < start + n; k++)
            {
                laneK[pending] = k;
                laneRow[pending++] = i;
                if (pending < Lanes) continue;
                StoreLanes(Dot8Lanes(ref f0, ref v0, d, indices, laneK, laneRow), dots, laneK, Lanes);
                pending = 0;
            }
        }
        if (pending > 0)
        {
            // The missing lanes repeat the last pending dot (computed, never kept), as Add's short groups do.
            for (var j = pending; j < Lanes; j++) (laneK[j], laneRow[j]) = (laneK[pending - 1], laneRow[pending - 1]);
            StoreLanes(Dot8Lanes(ref f0, ref v0, d, indices, laneK, laneRow), dots, laneK, pending);
        }

        Span<float> weights = stackalloc float[Lanes];
        Span<int> rows = stackalloc int[Lanes];
        ref var o0 = ref MemoryMarshal.GetReference(output);
        for (var i = 0; i < count; i++)
        {
            var start = starts[i];
            var n = starts[i + 1] - start;
            if (n is 0 or >= Lanes) continue;
            var kept = KeepEach(rows, weights, 0, indices.Slice(start, n), values.Slice(start, n), alpha,
                Vector256.Create((ReadOnlySpan<float>)dots.Slice(start, Lanes)), residual);
            Accumulate(ref f0, rows[..kept], weights[..kept], d, ref Unsafe.Add(ref o0, (nint)i * d));
        }
    }

    // Requests the factor rows of nonzeros k + PrefetchAhead .. k + PrefetchAhead + 7 (those that exist).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PrefetchAheadOf(ref float f0, ReadOnlySpan<int> indices, int k, int d)
    {
        for (var j = k + RowProduct.PrefetchAhead; j < Math.Min(indices.Length, k + Lanes + RowProduct.PrefetchAhead); j++)
            RowProduct.PrefetchRow(ref f0, indices[j], d);
    }

    private static void StoreLanes(Vector256<float> lanes, Span<float> dots, ReadOnlySpan<int> laneK, int count)
    {
        for (var j = 0; j < count; j++) dots[laneK[j]] = lanes.GetElement(j);
    }

    // Dot8 with its own v per lane: lane j is factor row indices[laneK[j]] against block row laneRow[j] of v, with one FMA
    // chain per lane and Dot8's reduction, so each lane is DotReference's arithmetic.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Dot8Lanes(ref float f0, ref float v0, int d, ReadOnlySpan<int> indices, ReadOnlySpan<int> laneK, ReadOnlySpan<int> laneRow)
    {
        ref var y0 = ref Unsafe.Add(ref f0, (nint)indices[laneK[0]] * d);
        ref var y1 = ref Unsafe.Add(ref f0, (nint)indices[laneK[1]] * d);
        ref var y2 = ref Unsafe.Add(ref f0, (nint)indices[laneK[2]] * d);
        ref var y3 = ref Unsafe.Add(ref f0, (nint)indices[laneK[3]] * d);
        ref var y4 = ref Unsafe.Add(ref f0, (nint)indices[laneK[4]] * d);
        ref var y5 = ref Unsafe.Add(ref f0, (nint)indices[laneK[5]] * d);
        ref var y6 = ref Unsafe.Add(ref f0, (nint)indices[laneK[6]] * d);
        ref var y7 = ref Unsafe.Add(ref f0, (nint)indices[laneK[7]] * d);
        ref var w0 = ref Unsafe.Add(ref v0, (nint)laneRow[0] * d);
        ref var w1 = ref Unsafe.Add(ref v0, (nint)laneRow[1] * d);
        ref var w2 = ref Unsafe.Add(ref v0, (nint)laneRow[2] * d);
        ref var w3 = ref Unsafe.Add(ref v0, (nint)laneRow[3] * d);
        ref var w4 = ref Unsafe.Add(ref v0, (nint)laneRow[4] * d);
        ref var w5 = ref Unsafe.Add(ref v0, (nint)laneRow[5] * d);
        ref var w6 = ref Unsafe.Add(ref v0, (nint)laneRow[6] * d);
        ref var w7 = ref Unsafe.Add(ref v0, (nint)laneRow[7] * d);
        Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
        for (var f = 0; f < d; f += Lanes)
        {
            a0 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y0, (nuint)f), Vector256.LoadUnsafe(ref w0, (nuint)f), a0);
            a1 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y1, (nuint)f), Vector256.LoadUnsafe(ref w1, (nuint)f), a1);
            a2 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y2, (nuint)f), Vector256.LoadUnsafe(ref w2, (nuint)f), a2);
            a3 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y3, (nuint)f), Vector256.LoadUnsafe(ref w3, (nuint)f), a3);
            a4 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y4, (nuint)f), Vector256.LoadUnsafe(ref w4, (nuint)f), a4);
            a5 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y5, (nuint)f), Vector256.LoadUnsafe(ref w5, (nuint)f), a5);
            a6 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y6, (nuint)f), Vector256.LoadUnsafe(ref w6, (nuint)f), a6);
            a7 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y7, (nuint)f), Vector256.LoadUnsafe(ref w7, (nuint)f), a7);
        }
        var u0 = Avx.HorizontalAdd(Avx.HorizontalAdd(a0, a1), Avx.HorizontalAdd(a2, a3));
        var u1 = Avx.HorizontalAdd(Avx.HorizontalAdd(a4, a5), Avx.HorizontalAdd(a6, a7));
        return Avx.Permute2x128(u0, u1, 0x20) + Avx.Permute2x128(u0, u1, 0x31);
    }
}
