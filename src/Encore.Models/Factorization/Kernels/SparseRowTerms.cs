using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// The sparse part of one row's Hu-Koren-Volinsky products (<see cref="RowProduct"/>): output += sum_k w_k y_k over the
/// row's nonzeros k, with w_k = (c_k - 1)(y_k . v) for A v, or w_k = c_k p_k - (c_k - 1)(y_k . x) for b - A x.
/// Two passes over chunks of <see cref="Chunk"/> nonzeros: first every dot product y_k . v (four rows interleaved, so
/// eight independent FMA chains overlap instead of each dot waiting on its own chain and horizontal sum), then the weighted
/// sum with the output held in registers (8 AVX2 accumulators per 64 outputs) instead of a load and a store per
/// nonzero. Each output still adds the terms in the order k = 0, 1, ... with one fused multiply-add each, and each dot
/// is <see cref="RowProduct.Dot"/>, so the result is bit-identical to the one-pass loop (one dot, one axpy per
/// nonzero). The product leaves out the terms with c = 1, as that loop does. Vector path only (AVX2 + FMA, d a multiple of 8).
/// </summary>
internal static class SparseRowTerms
{
    /// <summary>Nonzeros whose weights are computed before they are accumulated (a stack buffer of this many floats).</summary>
    public const int Chunk = 128;

    private const int Lanes = 8;

    [SkipLocalsInit]
    public static void Add(ReadOnlySpan<float> factors, int d, ReadOnlySpan<int> indices, ReadOnlySpan<float> values,
        float alpha, ReadOnlySpan<float> v, Span<float> output, bool residual)
    {
        Span<float> weights = stackalloc float[Chunk];
        Span<int> rows = stackalloc int[Chunk];
        ref var f0 = ref MemoryMarshal.GetReference(factors);
        ref var vr = ref MemoryMarshal.GetReference(v);
        ref var o = ref MemoryMarshal.GetReference(output);
        for (var start = 0; start < indices.Length; start += Chunk)
        {
            var end = Math.Min(indices.Length, start + Chunk);
            var count = 0;
            var k = start;
            // Four dots at a time: 8 independent FMA chains instead of 2, so the loop is bound by FMA throughput, not
            // by one dot's latency; each dot is still RowProduct.Dot's arithmetic.
            for (; k + 4 <= end; k += 4)
            {
                if (residual)
                    for (var j = k + RowProduct.PrefetchAhead; j < Math.Min(indices.Length, k + 4 + RowProduct.PrefetchAhead); j++)
                        RowProduct.PrefetchRow(ref f0, indices[j], d);
                Dot4(ref f0, indices[k], indices[k + 1], indices[k + 2], indices[k + 3], ref vr, d, out var s0, out var s1, out var s2, out var s3);
                count = Keep(rows, weights, count, indices[k], values[k], alpha, s0, residual);
                count = Keep(rows, weights, count, indices[k + 1], values[k + 1], alpha, s1, residual);
                count = Keep(rows, weights, count, indices[k + 2], values[k + 2], alpha, s2, residual);
                count = Keep(rows, weights, count, indices[k + 3], values[k + 3], alpha, s3, residual);
            }
            for (; k < end; k++)
            {
                if (residual && k + RowProduct.PrefetchAhead < indices.Length) RowProduct.PrefetchRow(ref f0, indices[k + RowProduct.PrefetchAhead], d);
                count = Keep(rows, weights, count, indices[k], values[k], alpha, RowProduct.Dot(ref Unsafe.Add(ref f0, (nint)indices[k] * d), ref vr, d), residual);
            }
            Accumulate(ref f0, rows[..count], weights[..count], d, ref o);
        }
    }

    // Appends nonzero (row, value) with its weight from dot = y . v; A v leaves out the terms with c = 1 altogether
    // (no multiply-add of a zero weight). Returns the new count.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Keep(Span<int> rows, Span<float> weights, int count, int row, float value, float alpha, float dot, bool residual)
    {
        var c = WeightedRidge.Confidence(value, alpha);
        if (!residual && c - 1f == 0) return count;
        rows[count] = row;
        weights[count] = residual ? c * WeightedRidge.Preference(value) - (c - 1f) * dot : (c - 1f) * dot;
        return count + 1;
    }

    // RowProduct.Dot of four factor rows against v, interleaved: per row the same two chains (even and odd 8-lane
    // blocks) and the same final sum, so each result is bit-identical to RowProduct.Dot.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Dot4(ref float f0, int r0, int r1, int r2, int r3, ref float v, int d, out float s0, out float s1, out float s2, out float s3)
    {
        ref var y0 = ref Unsafe.Add(ref f0, (nint)r0 * d);
        ref var y1 = ref Unsafe.Add(ref f0, (nint)r1 * d);
        ref var y2 = ref Unsafe.Add(ref f0, (nint)r2 * d);
        ref var y3 = ref Unsafe.Add(ref f0, (nint)r3 * d);
        Vector256<float> a0 = default, b0 = default, a1 = default, b1 = default, a2 = default, b2 = default, a3 = default, b3 = default;
        var f = 0;
        for (; f + 2 * Lanes <= d; f += 2 * Lanes)
        {
            var v0 = Vector256.LoadUnsafe(ref v, (nuint)f);
            var v1 = Vector256.LoadUnsafe(ref v, (nuint)(f + Lanes));
            a0 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y0, (nuint)f), v0, a0);
            b0 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y0, (nuint)(f + Lanes)), v1, b0);
            a1 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y1, (nuint)f), v0, a1);
            b1 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y1, (nuint)(f + Lanes)), v1, b1);
            a2 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y2, (nuint)f), v0, a2);
            b2 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y2, (nuint)(f + Lanes)), v1, b2);
            a3 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y3, (nuint)f), v0, a3);
            b3 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y3, (nuint)(f + Lanes)), v1, b3);
        }
        if (f < d)
        {
            var v0 = Vector256.LoadUnsafe(ref v, (nuint)f);
            a0 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y0, (nuint)f), v0, a0);
            a1 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y1, (nuint)f), v0, a1);
            a2 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y2, (nuint)f), v0, a2);
            a3 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y3, (nuint)f), v0, a3);
        }
        s0 = Vector256.Sum(a0 + b0);
        s1 = Vector256.Sum(a1 + b1);
        s2 = Vector256.Sum(a2 + b2);
        s3 = Vector256.Sum(a3 + b3);
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
}
