using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// The sparse part of one row's Hu-Koren-Volinsky products (<see cref="RowProduct"/>): output += sum_k w_k y_k over the
/// row's nonzeros k, with w_k = (c_k - 1)(y_k . v) for A v, or w_k = c_k p_k - (c_k - 1)(y_k . x) for b - A x.
/// Two passes over chunks of <see cref="Chunk"/> nonzeros: first every dot product y_k . v, eight rows at a time
/// (<see cref="Dot8"/>: one FMA chain per row, eight chains in flight, and the eight dots reduced together by one 8 x 8
/// transpose-add instead of a horizontal sum per dot; the eight weights then computed as one vector), then the weighted
/// sum with the output held in registers (8 AVX2 accumulators per 64 outputs) instead of a load and a store per
/// nonzero. Each output adds the terms in the order k = 0, 1, ... with one fused multiply-add each; every dot, the
/// last group of a chunk included, is <see cref="DotReference(ReadOnlySpan{float}, ReadOnlySpan{float}, int)"/>'s arithmetic, so the one-row and the block solvers
/// (which both call this) stay bit-identical to each other. A row with fewer than eight nonzeros takes each dot on its own
/// and adds its term at once (the same arithmetic, without a group's set-up). The product leaves out the terms with c = 1.
/// Vector path only (AVX2 + FMA, d a multiple of 8). With <see cref="VectorWidth.For"/> d (AVX-512, d a multiple of 16)
/// the dots run 16-lane chains (four 512-bit registers per row at d = 64), each row's two 256-bit halves added before the
/// same transpose-add (<see cref="DotReference(ReadOnlySpan{float}, ReadOnlySpan{float}, int)"/> with 16 lanes), and the
/// weighted sums use 512-bit accumulators (the same per-output order, so bit-identical to the 256-bit sums).
/// </summary>
internal static partial class SparseRowTerms
{
    /// <summary>Nonzeros whose weights are computed before they are accumulated (a stack buffer of this many floats).</summary>
    public const int Chunk = 128;

    private const int Lanes = 8;

    /// <summary>
    /// output += the sparse terms of the row (indices, values: its nonzeros; factors: rows of d; v: x for the residual,
    /// the CG direction for the product). <paramref name="prefetch"/>: the residual requests each factor row 8 nonzeros
    /// early (off when the caller has just copied the rows into a buffer).
    /// </summary>
    [SkipLocalsInit]
    public static void Add(ReadOnlySpan<float> factors, int d, ReadOnlySpan<int> indices, ReadOnlySpan<float> values,
        float alpha, ReadOnlySpan<float> v, Span<float> output, bool residual, bool prefetch = true)
    {
        Span<float> weights = stackalloc float[Chunk];
        Span<int> rows = stackalloc int[Chunk];
        var wide = VectorWidth.For(d);
        ref var f0 = ref MemoryMarshal.GetReference(factors);
        ref var vr = ref MemoryMarshal.GetReference(v);
        ref var o = ref MemoryMarshal.GetReference(output);
        ref var i0 = ref MemoryMarshal.GetReference(indices);
        if (indices.Length < Lanes)
        {
            AddShort(ref f0, d, indices, values, alpha, ref vr, ref o, residual, wide);
            return;
        }
        for (var start = 0; start < indices.Length; start += Chunk)
        {
            var end = Math.Min(indices.Length, start + Chunk);
            var count = 0;
            for (var k = start; k < end; k += Lanes)
            {
                if (residual && prefetch)
                    for (var j = k + RowProduct.PrefetchAhead; j < Math.Min(indices.Length, k + Lanes + RowProduct.PrefetchAhead); j++)
                        RowProduct.PrefetchRow(ref f0, indices[j], d);
                var n = Math.Min(Lanes, end - k);
                // A short last group repeats its last row in the missing lanes (read, never kept): every dot runs Dot8.
                ref var ik = ref Unsafe.Add(ref i0, k);
                int r1 = Unsafe.Add(ref ik, Math.Min(1, n - 1)), r2 = Unsafe.Add(ref ik, Math.Min(2, n - 1)), r3 = Unsafe.Add(ref ik, Math.Min(3, n - 1));
                int r4 = Unsafe.Add(ref ik, Math.Min(4, n - 1)), r5 = Unsafe.Add(ref ik, Math.Min(5, n - 1)), r6 = Unsafe.Add(ref ik, Math.Min(6, n - 1));
                var r7 = Unsafe.Add(ref ik, Math.Min(7, n - 1));
                var dots = wide
                    ? Dot8Wide(ref f0, d, ref vr, ik, r1, r2, r3, r4, r5, r6, r7)
                    : Dot8(ref f0, d, ref vr, ik, r1, r2, r3, r4, r5, r6, r7);
                count = n == Lanes
                    ? Keep8(rows, weights, count, indices.Slice(k, Lanes), values.Slice(k, Lanes), alpha, dots, residual)
                    : KeepEach(rows, weights, count, indices.Slice(k, n), values.Slice(k, n), alpha, dots, residual);
            }
            if (wide) AccumulateWide(ref f0, rows[..count], weights[..count], d, ref o);
            else Accumulate(ref f0, rows[..count], weights[..count], d, ref o);
        }
    }

    /// <summary>
    /// <see cref="Add"/> for a row whose factor rows lie one after another (nonzero k's row at
    /// <paramref name="rows"/>[k d, (k + 1) d), a gathered block); <paramref name="identity"/> holds 0, 1, ..., at least one
    /// per nonzero. The same terms in the same order as <see cref="Add"/> with those rows, so the same bits. At d = 64 on
    /// the 512-bit path a group of eight dots reads its rows at fixed offsets from one address with v held in four
    /// registers for the whole pass: no index loads and no per-row address arithmetic, the instructions that bound the
    /// dot pass once its rows come from L1 / L2 (bench/results/gemm-als.md, "Session 20").
    /// </summary>
    /// <exception cref="ArgumentException">rows or identity shorter than the row's nonzeros need.</exception>
    public static void AddContiguous(ReadOnlySpan<float> rows, int d, ReadOnlySpan<int> identity, ReadOnlySpan<float> values,
        float alpha, ReadOnlySpan<float> v, Span<float> output, bool residual)
    {
        var n = values.Length;
        if (rows.Length < (long)n * d || identity.Length < n)
            throw new ArgumentException($"contiguous sparse terms: {n} nonzeros need {n} rows of {d} floats and {n} identity indices.");
        if (n < Lanes || d != ContiguousD || !VectorWidth.For(d))
        {
            Add(rows, d, identity[..n], values, alpha, v, output, residual, prefetch: false);
            return;
        }
        AddRows64<FloatRows64, float>(ref MemoryMarshal.GetReference(rows), identity[..n], values, alpha, ref MemoryMarshal.GetReference(v),
            ref MemoryMarshal.GetReference(output), residual);
    }

    /// <summary>
    /// <see cref="AddContiguous"/> at d = 64 for rows kept as paired bfloat16 words (<see cref="BFloat16Rows"/>: nonzero k's
    /// row is words [32 k, 32 (k + 1)) of <paramref name="words"/>), 512-bit path only (<see cref="PairedSupported"/>).
    /// Each row is widened in registers as it is read (a shift and a mask per 16 floats), so every pass reads 128 bytes
    /// per row instead of 256; the dots, weights and weighted sums are <see cref="AddContiguous"/>'s on the widened rows,
    /// so the result is that of <see cref="AddContiguous"/> over <see cref="BFloat16Rows.Widen"/>'s floats, bit for bit.
    /// </summary>
    /// <exception cref="ArgumentException">words or identity shorter than the row's nonzeros need.</exception>
    public static void AddPaired(ReadOnlySpan<uint> words, ReadOnlySpan<int> identity, ReadOnlySpan<float> values,
        float alpha, ReadOnlySpan<float> v, Span<float> output, bool residual)
    {
        var n = values.Length;
        if (words.Length < (long)n * (ContiguousD / 2) || identity.Length < n || v.Length < ContiguousD || output.Length < ContiguousD)
            throw new ArgumentException($"paired sparse terms: {n} nonzeros need {n} rows of {ContiguousD / 2} words and {n} identity indices.");
        if (!PairedSupported(ContiguousD)) throw new PlatformNotSupportedException("paired bfloat16 rows need the 512-bit path.");
        AddRows64<PairedRows64, uint>(ref MemoryMarshal.GetReference(words), identity[..n], values, alpha, ref MemoryMarshal.GetReference(v),
            ref MemoryMarshal.GetReference(output), residual);
    }

    /// <summary>True when <see cref="AddPaired"/> runs for rows of <paramref name="d"/> here (d = 64 on the 512-bit path).</summary>
    public static bool PairedSupported(int d) => d == ContiguousD && VectorWidth.For(d);

    /// <summary>
    /// The dot <see cref="Add"/> computes for factor row y and v on the path it takes now (<see cref="DotLanes"/> of y's length).
    /// </summary>
    public static float DotReference(ReadOnlySpan<float> y, ReadOnlySpan<float> v) => DotReference(y, v, DotLanes(y.Length));

    /// <summary>Lane chains of <see cref="Add"/>'s dots for rows of d: 16 on the 512-bit path (<see cref="VectorWidth.For"/>), else 8.</summary>
    public static int DotLanes(int d) => VectorWidth.For(d) ? 2 * Lanes : Lanes;

    /// <summary>
    /// The dot of factor row y and v with <paramref name="lanes"/> (8 or 16; d a multiple of it) fused multiply-add chains
    /// s_l = sum over f = l, l + lanes, l + 2 lanes, ... of y[f] v[f]; with 16, t_l = s_l + s_(l+8) for l below 8, with 8,
    /// t_l = s_l; then ((t_0 + t_1) + (t_2 + t_3)) + ((t_4 + t_5) + (t_6 + t_7)).
    /// </summary>
    public static float DotReference(ReadOnlySpan<float> y, ReadOnlySpan<float> v, int lanes)
    {
        Span<float> s = stackalloc float[2 * Lanes];
        s.Clear();
        for (var f = 0; f < y.Length; f++) s[f % lanes] = MathF.FusedMultiplyAdd(y[f], v[f], s[f % lanes]);
        if (lanes == 2 * Lanes)
            for (var l = 0; l < Lanes; l++) s[l] += s[l + Lanes];
        return ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
    }

    // A row shorter than one group (HetRec: 61% of the item rows have one nonzero): each dot on its own, one FMA chain
    // (Dot1, the arithmetic of DotReference and Dot8), its weight as KeepEach computes it, and its term added at once,
    // k = 0, 1, ... in order as Accumulate adds them; v is never the output, so the dots do not see the terms. This
    // skips the eight-row group's repeated rows, the weight buffers and the Accumulate call, the set-up a one-nonzero
    // row paid for on each of its four CG passes.
    // Not inlined: the long-row loop of Add keeps its registers (inlined, it cost the synthetic split's JIT build 6-8%).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddShort(ref float f0, int d, ReadOnlySpan<int> indices, ReadOnlySpan<float> values, float alpha,
        ref float v, ref float o, bool residual, bool wide)
    {
        for (var k = 0; k < indices.Length; k++)
        {
            var c = WeightedRidge.Confidence(values[k], alpha);
            if (!residual && c - 1f == 0) continue;
            ref var y = ref Unsafe.Add(ref f0, (nint)indices[k] * d);
            var dot = wide ? Dot1Wide(ref y, ref v, d) : Dot1(ref y, ref v, d);
            var weight = residual ? c * WeightedRidge.Preference(values[k]) - (c - 1f) * dot : (c - 1f) * dot;
            if (wide)
            {
                var w16 = Vector512.Create(weight);
                for (var f = 0; f < d; f += 2 * Lanes)
                    Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref y, (nuint)f), w16, Vector512.LoadUnsafe(ref o, (nuint)f)).StoreUnsafe(ref o, (nuint)f);
                continue;
            }
            var w = Vector256.Create(weight);
            for (var f = 0; f < d; f += Lanes)
                Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y, (nuint)f), w, Vector256.LoadUnsafe(ref o, (nuint)f)).StoreUnsafe(ref o, (nuint)f);
        }
    }

    // One factor row against v: DotReference's lane chains in one accumulator, then its pairing ((s0 + s1) + (s2 + s3)) +
    // ((s4 + s5) + (s6 + s7)) by two horizontal adds and one add of the 128-bit halves' first lanes.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Dot1(ref float y, ref float v, int d)
    {
        var a = Vector256<float>.Zero;
        for (var f = 0; f < d; f += Lanes) a = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y, (nuint)f), Vector256.LoadUnsafe(ref v, (nuint)f), a);
        return PairLanes(a);
    }

    // Dot1 with 16-lane chains (d a multiple of 16): the accumulator's halves added (t_l = s_l + s_(l+8)), then Dot1's pairing.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Dot1Wide(ref float y, ref float v, int d)
    {
        var a = Vector512<float>.Zero;
        for (var f = 0; f < d; f += 2 * Lanes) a = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref y, (nuint)f), Vector512.LoadUnsafe(ref v, (nuint)f), a);
        return PairLanes(a.GetLower() + a.GetUpper());
    }

    // ((t0 + t1) + (t2 + t3)) + ((t4 + t5) + (t6 + t7)) of one vector's lanes: two horizontal adds and one add of the
    // 128-bit halves' first lanes.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float PairLanes(Vector256<float> a)
    {
        var h = Avx.HorizontalAdd(a, a);
        h = Avx.HorizontalAdd(h, h);
        return h.GetLower().ToScalar() + h.GetUpper().ToScalar();
    }

    // The eight weights of a full group as one vector (the same operations as the scalar WeightedRidge formula, lane by
    // lane); a group of the product with some c = 1 falls back to KeepEach, which leaves those terms out.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Keep8(Span<int> rows, Span<float> weights, int count, ReadOnlySpan<int> indices, ReadOnlySpan<float> values,
        float alpha, Vector256<float> dots, bool residual) =>
        KeepLanes(rows, weights, count, indices, values, Vector256.Create(indices), Vector256.Create(values), alpha, dots, residual);

    // Keep8 for a short group of n = indices.Length (1-7) nonzeros: lanes n..7 repeat the last one (as its dots do), so any
    // c = 1 among them is one of the group's; all eight lanes are stored and n counted, the rest overwritten by the next
    // group (room: a chunk that ends in a short group is shorter than Chunk by at least 8 - n). No per-lane loop, so no
    // branch on n per row.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int KeepShort(Span<int> rows, Span<float> weights, int count, ReadOnlySpan<int> indices, ReadOnlySpan<float> values,
        float alpha, Vector256<float> dots, bool residual)
    {
        var last = indices.Length - 1;
        var index = Vector256.Create(indices[0], indices[Math.Min(1, last)], indices[Math.Min(2, last)], indices[Math.Min(3, last)],
            indices[Math.Min(4, last)], indices[Math.Min(5, last)], indices[Math.Min(6, last)], indices[Math.Min(7, last)]);
        var value = Vector256.Create(values[0], values[Math.Min(1, last)], values[Math.Min(2, last)], values[Math.Min(3, last)],
            values[Math.Min(4, last)], values[Math.Min(5, last)], values[Math.Min(6, last)], values[Math.Min(7, last)]);
        return KeepLanes(rows, weights, count, indices, values, index, value, alpha, dots, residual);
    }

    // Stores the eight lanes' rows and weights at count; returns count + the group's nonzeros (indices.Length).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int KeepLanes(Span<int> rows, Span<float> weights, int count, ReadOnlySpan<int> indices, ReadOnlySpan<float> values,
        Vector256<int> index, Vector256<float> value, float alpha, Vector256<float> dots, bool residual)
    {
        var one = Vector256<float>.One;
        var c = one + Vector256.Create(alpha) * Vector256.Abs(value);
        var extra = c - one;
        Vector256<float> w;
        if (residual)
        {
            var preference = Vector256.ConditionalSelect(Vector256.GreaterThan(value, Vector256<float>.Zero), one, Vector256<float>.Zero);
            w = c * preference - extra * dots;
        }
        else
        {
            if (Vector256.EqualsAny(extra, Vector256<float>.Zero)) return KeepEach(rows, weights, count, indices, values, alpha, dots, residual);
            w = extra * dots;
        }
        if (count + Lanes > weights.Length || count + Lanes > rows.Length) throw new ArgumentException("sparse terms: no room for a group's weights.");
        w.StoreUnsafe(ref MemoryMarshal.GetReference(weights), (nuint)count);
        index.StoreUnsafe(ref MemoryMarshal.GetReference(rows), (nuint)count);
        return count + indices.Length;
    }

    // Appends each nonzero (row, value) with its weight from lane j of the dots; A v leaves out the terms with c = 1
    // altogether (no multiply-add of a zero weight). Returns the new count. Inlined: as a call (it is Keep8's rare fallback)
    // it made the JIT keep the pipelined dot pass's next group on the stack (every vector register is caller-saved).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int KeepEach(Span<int> rows, Span<float> weights, int count, ReadOnlySpan<int> indices, ReadOnlySpan<float> values,
        float alpha, Vector256<float> dots, bool residual)
    {
        for (var j = 0; j < indices.Length; j++)
        {
            var c = WeightedRidge.Confidence(values[j], alpha);
            if (!residual && c - 1f == 0) continue;
            rows[count] = indices[j];
            weights[count] = residual ? c * WeightedRidge.Preference(values[j]) - (c - 1f) * dots.GetElement(j) : (c - 1f) * dots.GetElement(j);
            count++;
        }
        return count;
    }

    // Eight factor rows against v: one accumulator per row (eight independent FMA chains), then the 8 x 8 transpose-add
    // (two rounds of pairwise horizontal adds and one add of the 128-bit halves) that leaves dot i in lane i, with the
    // pairing of DotReference.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Dot8(ref float f0, int d, ref float v, int r0, int r1, int r2, int r3, int r4, int r5, int r6, int r7)
    {
        ref var y0 = ref Unsafe.Add(ref f0, (nint)r0 * d);
        ref var y1 = ref Unsafe.Add(ref f0, (nint)r1 * d);
        ref var y2 = ref Unsafe.Add(ref f0, (nint)r2 * d);
        ref var y3 = ref Unsafe.Add(ref f0, (nint)r3 * d);
        ref var y4 = ref Unsafe.Add(ref f0, (nint)r4 * d);
        ref var y5 = ref Unsafe.Add(ref f0, (nint)r5 * d);
        ref var y6 = ref Unsafe.Add(ref f0, (nint)r6 * d);
        ref var y7 = ref Unsafe.Add(ref f0, (nint)r7 * d);
        Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
        for (var f = 0; f < d; f += Lanes)
        {
            var vf = Vector256.LoadUnsafe(ref v, (nuint)f);
            a0 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y0, (nuint)f), vf, a0);
            a1 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y1, (nuint)f), vf, a1);
            a2 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y2, (nuint)f), vf, a2);
            a3 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y3, (nuint)f), vf, a3);
            a4 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y4, (nuint)f), vf, a4);
            a5 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y5, (nuint)f), vf, a5);
            a6 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y6, (nuint)f), vf, a6);
            a7 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y7, (nuint)f), vf, a7);
        }
        return TransposeAdd(a0, a1, a2, a3, a4, a5, a6, a7);
    }

    // Dot8 with 16-lane chains (d a multiple of 16: four 512-bit registers per row at d = 64, half Dot8's loads and
    // FMAs); each row's accumulator halves are added (t_l = s_l + s_(l+8)) and the eight sums take Dot8's transpose-add.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Dot8Wide(ref float f0, int d, ref float v, int r0, int r1, int r2, int r3, int r4, int r5, int r6, int r7)
    {
        ref var y0 = ref Unsafe.Add(ref f0, (nint)r0 * d);
        ref var y1 = ref Unsafe.Add(ref f0, (nint)r1 * d);
        ref var y2 = ref Unsafe.Add(ref f0, (nint)r2 * d);
        ref var y3 = ref Unsafe.Add(ref f0, (nint)r3 * d);
        ref var y4 = ref Unsafe.Add(ref f0, (nint)r4 * d);
        ref var y5 = ref Unsafe.Add(ref f0, (nint)r5 * d);
        ref var y6 = ref Unsafe.Add(ref f0, (nint)r6 * d);
        ref var y7 = ref Unsafe.Add(ref f0, (nint)r7 * d);
        Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
        for (var f = 0; f < d; f += 2 * Lanes)
        {
            var vf = Vector512.LoadUnsafe(ref v, (nuint)f);
            a0 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref y0, (nuint)f), vf, a0);
            a1 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref y1, (nuint)f), vf, a1);
            a2 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref y2, (nuint)f), vf, a2);
            a3 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref y3, (nuint)f), vf, a3);
            a4 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref y4, (nuint)f), vf, a4);
            a5 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref y5, (nuint)f), vf, a5);
            a6 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref y6, (nuint)f), vf, a6);
            a7 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref y7, (nuint)f), vf, a7);
        }
        return TransposeAdd(a0.GetLower() + a0.GetUpper(), a1.GetLower() + a1.GetUpper(), a2.GetLower() + a2.GetUpper(), a3.GetLower() + a3.GetUpper(),
            a4.GetLower() + a4.GetUpper(), a5.GetLower() + a5.GetUpper(), a6.GetLower() + a6.GetUpper(), a7.GetLower() + a7.GetUpper());
    }

    // Lane i = ((a_i0 + a_i1) + (a_i2 + a_i3)) + ((a_i4 + a_i5) + (a_i6 + a_i7)) for the eight vectors a_0 .. a_7.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> TransposeAdd(Vector256<float> a0, Vector256<float> a1, Vector256<float> a2, Vector256<float> a3,
        Vector256<float> a4, Vector256<float> a5, Vector256<float> a6, Vector256<float> a7)
    {
        // hadd(a, b) = [a0+a1, a2+a3, b0+b1, b2+b3 | a4+a5, a6+a7, b4+b5, b6+b7]; after two rounds lane i of the low
        // half holds (s0+s1)+(s2+s3) of row i (rows 0-3 from u0, 4-7 from u1) and the high half (s4+s5)+(s6+s7).
        var u0 = Avx.HorizontalAdd(Avx.HorizontalAdd(a0, a1), Avx.HorizontalAdd(a2, a3));
        var u1 = Avx.HorizontalAdd(Avx.HorizontalAdd(a4, a5), Avx.HorizontalAdd(a6, a7));
        return Avx.Permute2x128(u0, u1, 0x20) + Avx.Permute2x128(u0, u1, 0x31);
    }

    // output[f] = fma(y_k[f], w_k, output[f]) for k in order, output columns in register blocks of 64, then of 8.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Accumulate(ref float f0, ReadOnlySpan<int> rows, ReadOnlySpan<float> weights, int d, ref float o)
    {
        var c = 0;
        for (; c + 8 * Lanes <= d; c += 8 * Lanes)
        {
            ref var oc = ref Unsafe.Add(ref o, c);
            var a0 = Vector256.LoadUnsafe(ref oc); var a1 = Vector256.LoadUnsafe(ref oc, Lanes);
            var a2 = Vector256.LoadUnsafe(ref oc, 2 * Lanes); var a3 = Vector256.LoadUnsafe(ref oc, 3 * Lanes);
            var a4 = Vector256.LoadUnsafe(ref oc, 4 * Lanes); var a5 = Vector256.LoadUnsafe(ref oc, 5 * Lanes);
            var a6 = Vector256.LoadUnsafe(ref oc, 6 * Lanes); var a7 = Vector256.LoadUnsafe(ref oc, 7 * Lanes);
            for (var k = 0; k < rows.Length; k++)
            {
                var w = Vector256.Create(weights[k]);
                ref var y = ref Unsafe.Add(ref f0, (nint)rows[k] * d + c);
                a0 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y), w, a0);
                a1 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y, Lanes), w, a1);
                a2 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y, 2 * Lanes), w, a2);
                a3 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y, 3 * Lanes), w, a3);
                a4 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y, 4 * Lanes), w, a4);
                a5 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y, 5 * Lanes), w, a5);
                a6 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y, 6 * Lanes), w, a6);
                a7 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y, 7 * Lanes), w, a7);
            }
            a0.StoreUnsafe(ref oc); a1.StoreUnsafe(ref oc, Lanes);
            a2.StoreUnsafe(ref oc, 2 * Lanes); a3.StoreUnsafe(ref oc, 3 * Lanes);
            a4.StoreUnsafe(ref oc, 4 * Lanes); a5.StoreUnsafe(ref oc, 5 * Lanes);
            a6.StoreUnsafe(ref oc, 6 * Lanes); a7.StoreUnsafe(ref oc, 7 * Lanes);
        }
        for (; c < d; c += Lanes)
        {
            ref var oc = ref Unsafe.Add(ref o, c);
            var a = Vector256.LoadUnsafe(ref oc);
            for (var k = 0; k < rows.Length; k++)
            {
                a = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref f0, (nint)rows[k] * d + c)), Vector256.Create(weights[k]), a);
            }
            a.StoreUnsafe(ref oc);
        }
    }

    // Accumulate with 512-bit accumulators (d a multiple of 16): output columns in register blocks of 128, then of 16; each
    // output adds the same terms in the same order with one fused multiply-add each, so the result is Accumulate's.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AccumulateWide(ref float f0, ReadOnlySpan<int> rows, ReadOnlySpan<float> weights, int d, ref float o)
    {
        const int wide = 2 * Lanes;
        var c = 0;
        for (; c + 8 * wide <= d; c += 8 * wide)
        {
            ref var oc = ref Unsafe.Add(ref o, c);
            var a0 = Vector512.LoadUnsafe(ref oc); var a1 = Vector512.LoadUnsafe(ref oc, wide);
            var a2 = Vector512.LoadUnsafe(ref oc, 2 * wide); var a3 = Vector512.LoadUnsafe(ref oc, 3 * wide);
            var a4 = Vector512.LoadUnsafe(ref oc, 4 * wide); var a5 = Vector512.LoadUnsafe(ref oc, 5 * wide);
            var a6 = Vector512.LoadUnsafe(ref oc, 6 * wide); var a7 = Vector512.LoadUnsafe(ref oc, 7 * wide);
            for (var k = 0; k < rows.Length; k++)
            {
                var w = Vector512.Create(weights[k]);
                ref var y = ref Unsafe.Add(ref f0, (nint)rows[k] * d + c);
                a0 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref y), w, a0);
                a1 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref y, wide), w, a1);
                a2 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref y, 2 * wide), w, a2);
                a3 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref y, 3 * wide), w, a3);
                a4 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref y, 4 * wide), w, a4);
                a5 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref y, 5 * wide), w, a5);
                a6 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref y, 6 * wide), w, a6);
                a7 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref y, 7 * wide), w, a7);
            }
            a0.StoreUnsafe(ref oc); a1.StoreUnsafe(ref oc, wide);
            a2.StoreUnsafe(ref oc, 2 * wide); a3.StoreUnsafe(ref oc, 3 * wide);
            a4.StoreUnsafe(ref oc, 4 * wide); a5.StoreUnsafe(ref oc, 5 * wide);
            a6.StoreUnsafe(ref oc, 6 * wide); a7.StoreUnsafe(ref oc, 7 * wide);
        }
        for (; c + 4 * wide <= d; c += 4 * wide)
        {
            ref var oc = ref Unsafe.Add(ref o, c);
            var a0 = Vector512.LoadUnsafe(ref oc); var a1 = Vector512.LoadUnsafe(ref oc, wide);
            var a2 = Vector512.LoadUnsafe(ref oc, 2 * wide); var a3 = Vector512.LoadUnsafe(ref oc, 3 * wide);
            for (var k = 0; k < rows.Length; k++)
            {
                var w = Vector512.Create(weights[k]);
                ref var y = ref Unsafe.Add(ref f0, (nint)rows[k] * d + c);
                a0 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref y), w, a0);
                a1 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref y, wide), w, a1);
                a2 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref y, 2 * wide), w, a2);
                a3 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref y, 3 * wide), w, a3);
            }
            a0.StoreUnsafe(ref oc); a1.StoreUnsafe(ref oc, wide);
            a2.StoreUnsafe(ref oc, 2 * wide); a3.StoreUnsafe(ref oc, 3 * wide);
        }
        for (; c < d; c += wide)
        {
            ref var oc = ref Unsafe.Add(ref o, c);
            var a = Vector512.LoadUnsafe(ref oc);
            for (var k = 0; k < rows.Length; k++)
                a = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref Unsafe.Add(ref f0, (nint)rows[k] * d + c)), Vector512.Create(weights[k]), a);
            a.StoreUnsafe(ref oc);
        }
    }
}
