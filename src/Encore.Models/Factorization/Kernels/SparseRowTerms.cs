using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// The sparse part of one row's Hu-Koren-Volinsky products (<see cref="RowProduct"/>): output += sum_k w_k y_k over the
/// row's nonzeros k, with w_k = (c_k - 1)(y_k . v) for A v, or w_k = c_k p_k - (c_k - 1)(y_k . x) for b - A x.
/// Two passes over chunks of <see cref="Chunk"/> nonzeros: first every dot product y_k . v (independent of each other,
/// so they overlap in the pipeline instead of each axpy waiting for its own dot's horizontal sum), then the weighted
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
            for (var k = start; k < end; k++)
            {
                if (residual && k + RowProduct.PrefetchAhead < indices.Length) RowProduct.PrefetchRow(ref f0, indices[k + RowProduct.PrefetchAhead], d);
                var c = WeightedRidge.Confidence(values[k], alpha);
                // A v leaves out the terms with c = 1 altogether (no multiply-add of a zero weight).
                if (!residual && c - 1f == 0) continue;
                ref var y = ref Unsafe.Add(ref f0, (nint)indices[k] * d);
                rows[count] = indices[k];
                weights[count++] = residual
                    ? c * WeightedRidge.Preference(values[k]) - (c - 1f) * RowProduct.Dot(ref y, ref vr, d)
                    : (c - 1f) * RowProduct.Dot(ref y, ref vr, d);
            }
            Accumulate(ref f0, rows[..count], weights[..count], d, ref o);
        }
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
