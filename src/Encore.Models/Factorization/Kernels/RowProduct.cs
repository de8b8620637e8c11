using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// The two products conjugate gradient needs on one row's Hu-Koren-Volinsky system
/// A = (Y^T Y + lambda I) + sum_k (c_k - 1) y_k y_k^T, b = sum_k c_k p_k y_k, never forming A:
/// <see cref="Multiply"/> (A v) and <see cref="Residual"/> (b - A x). Each is one fused pass: the dense part
/// is a register-blocked Gram x vector (64 outputs in 8 AVX2 accumulators, then 32 in 4, Gram rows streamed once), the
/// sparse part a dot and a weighted sum per nonzero (<see cref="SparseRowTerms"/>: all dots first, then the sum in
/// registers). The scalar <see cref="MultiplyReference"/> /
/// <see cref="ResidualReference"/> are the definition (and the path without AVX2 / FMA or when d is not a
/// multiple of 8); the vector paths agree with them up to float rounding.
/// </summary>
internal static class RowProduct
{
    private const int Lanes = 8;

    public static bool Accelerated => Fma.IsSupported && Vector256.IsHardwareAccelerated;

    /// <summary>output = A v.</summary>
    public static void Multiply(ReadOnlySpan<float> regularizedGram, ReadOnlySpan<float> factors, int d,
        ReadOnlySpan<int> indices, ReadOnlySpan<float> values, float alpha, ReadOnlySpan<float> v, Span<float> output)
    {
        Check(regularizedGram, d, v, output);
        if (!Accelerated || d % Lanes != 0)
        {
            MultiplyReference(regularizedGram, factors, d, indices, values, alpha, v, output);
            return;
        }
        GramTimes(regularizedGram, v, output, d, 1f);
        AddSparseProduct(factors, d, indices, values, alpha, v, output);
    }

    /// <summary>output = b - A x.</summary>
    public static void Residual(ReadOnlySpan<float> regularizedGram, ReadOnlySpan<float> factors, int d,
        ReadOnlySpan<int> indices, ReadOnlySpan<float> values, float alpha, ReadOnlySpan<float> x, Span<float> output)
    {
        Check(regularizedGram, d, x, output);
        if (!Accelerated || d % Lanes != 0)
        {
            ResidualReference(regularizedGram, factors, d, indices, values, alpha, x, output);
            return;
        }
        // The residual is the first pass over the row's factor rows, which are at random places in a matrix that
        // is usually larger than the cache: the first PrefetchAhead rows are requested before the dense product and
        // each later one PrefetchAhead nonzeros early, so the misses overlap instead of stalling one by one. The
        // later conjugate-gradient passes find the rows in cache.
        PrefetchFirst(factors, indices, d);
        GramTimes(regularizedGram, x, output, d, -1f);
        AddSparseResidual(factors, d, indices, values, alpha, x, output);
    }

    /// <summary>output += sum_k (c_k - 1) (y_k . v) y_k: the sparse part of <see cref="Multiply"/> (vector path only).</summary>
    internal static void AddSparseProduct(ReadOnlySpan<float> factors, int d, ReadOnlySpan<int> indices, ReadOnlySpan<float> values,
        float alpha, ReadOnlySpan<float> v, Span<float> output) =>
        SparseRowTerms.Add(factors, d, indices, values, alpha, v, output, residual: false);

    /// <summary>
    /// output += sum_k (c_k p_k - (c_k - 1) (y_k . x)) y_k: the sparse part of <see cref="Residual"/> (vector path only).
    /// Prefetches each factor row <see cref="PrefetchAhead"/> nonzeros early; the caller prefetches the first ones.
    /// </summary>
    internal static void AddSparseResidual(ReadOnlySpan<float> factors, int d, ReadOnlySpan<int> indices, ReadOnlySpan<float> values,
        float alpha, ReadOnlySpan<float> x, Span<float> output) =>
        SparseRowTerms.Add(factors, d, indices, values, alpha, x, output, residual: true);

    /// <summary>Requests the first <see cref="PrefetchAhead"/> factor rows of a row's nonzeros (a hint; never faults).</summary>
    internal static void PrefetchFirst(ReadOnlySpan<float> factors, ReadOnlySpan<int> indices, int d)
    {
        ref var f0 = ref MemoryMarshal.GetReference(factors);
        for (var k = 0; k < Math.Min(PrefetchAhead, indices.Length); k++) PrefetchRow(ref f0, indices[k], d);
    }

    /// <summary>Scalar definition of <see cref="Multiply"/>.</summary>
    public static void MultiplyReference(ReadOnlySpan<float> regularizedGram, ReadOnlySpan<float> factors, int d,
        ReadOnlySpan<int> indices, ReadOnlySpan<float> values, float alpha, ReadOnlySpan<float> v, Span<float> output)
    {
        GramTimesReference(regularizedGram, v, output, d, 1f);
        for (var k = 0; k < indices.Length; k++)
        {
            var y = factors.Slice(indices[k] * d, d);
            var w = (WeightedRidge.Confidence(values[k], alpha) - 1f) * DotReference(y, v);
            for (var f = 0; f < d; f++) output[f] += w * y[f];
        }
    }

    /// <summary>Scalar definition of <see cref="Residual"/>.</summary>
    public static void ResidualReference(ReadOnlySpan<float> regularizedGram, ReadOnlySpan<float> factors, int d,
        ReadOnlySpan<int> indices, ReadOnlySpan<float> values, float alpha, ReadOnlySpan<float> x, Span<float> output)
    {
        GramTimesReference(regularizedGram, x, output, d, -1f);
        for (var k = 0; k < indices.Length; k++)
        {
            var y = factors.Slice(indices[k] * d, d);
            var c = WeightedRidge.Confidence(values[k], alpha);
            var w = c * WeightedRidge.Preference(values[k]) - (c - 1f) * DotReference(y, x);
            for (var f = 0; f < d; f++) output[f] += w * y[f];
        }
    }

    // output = sign * G v for symmetric G: column block [c, c + 32) of the result is sum_j G[j, block] v[j],
    // so each Gram row segment is loaded once per block and the 4 accumulators stay in registers.
    [SkipLocalsInit]
    internal static void GramTimes(ReadOnlySpan<float> gram, ReadOnlySpan<float> v, Span<float> output, int d, float sign)
    {
        ref var g = ref MemoryMarshal.GetReference(gram);
        ref var vr = ref MemoryMarshal.GetReference(v);
        ref var o = ref MemoryMarshal.GetReference(output);
        var c = 0;
        // 64 outputs at a time: 8 independent FMA chains cover the FMA latency (4 chains left the two FMA ports half
        // idle), and the 8 loads per broadcast match two loads per cycle. Each output still sums j = 0..d-1 in order,
        // so the result is bit-identical to the 32-wide block's.
        for (; c + 8 * Lanes <= d; c += 8 * Lanes)
        {
            Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
            for (var j = 0; j < d; j++)
            {
                ref var row = ref Unsafe.Add(ref g, (nint)j * d + c);
                var w = Vector256.Create(Unsafe.Add(ref vr, j));
                a0 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref row), w, a0);
                a1 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref row, Lanes), w, a1);
                a2 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref row, 2 * Lanes), w, a2);
                a3 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref row, 3 * Lanes), w, a3);
                a4 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref row, 4 * Lanes), w, a4);
                a5 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref row, 5 * Lanes), w, a5);
                a6 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref row, 6 * Lanes), w, a6);
                a7 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref row, 7 * Lanes), w, a7);
            }
            var s = Vector256.Create(sign);
            (a0 * s).StoreUnsafe(ref o, (nuint)c);
            (a1 * s).StoreUnsafe(ref o, (nuint)(c + Lanes));
            (a2 * s).StoreUnsafe(ref o, (nuint)(c + 2 * Lanes));
            (a3 * s).StoreUnsafe(ref o, (nuint)(c + 3 * Lanes));
            (a4 * s).StoreUnsafe(ref o, (nuint)(c + 4 * Lanes));
            (a5 * s).StoreUnsafe(ref o, (nuint)(c + 5 * Lanes));
            (a6 * s).StoreUnsafe(ref o, (nuint)(c + 6 * Lanes));
            (a7 * s).StoreUnsafe(ref o, (nuint)(c + 7 * Lanes));
        }
        for (; c + 4 * Lanes <= d; c += 4 * Lanes)
        {
            Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
            for (var j = 0; j < d; j++)
            {
                ref var row = ref Unsafe.Add(ref g, (nint)j * d + c);
                var w = Vector256.Create(Unsafe.Add(ref vr, j));
                a0 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref row), w, a0);
                a1 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref row, Lanes), w, a1);
                a2 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref row, 2 * Lanes), w, a2);
                a3 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref row, 3 * Lanes), w, a3);
            }
            var s = Vector256.Create(sign);
            (a0 * s).StoreUnsafe(ref o, (nuint)c);
            (a1 * s).StoreUnsafe(ref o, (nuint)(c + Lanes));
            (a2 * s).StoreUnsafe(ref o, (nuint)(c + 2 * Lanes));
            (a3 * s).StoreUnsafe(ref o, (nuint)(c + 3 * Lanes));
        }
        for (; c < d; c += Lanes)
        {
            Vector256<float> a = default;
            for (var j = 0; j < d; j++)
                a = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref g, (nint)j * d + c)), Vector256.Create(Unsafe.Add(ref vr, j)), a);
            (a * Vector256.Create(sign)).StoreUnsafe(ref o, (nuint)c);
        }
    }

    /// <summary>Nonzeros between a factor row's prefetch and its use in <see cref="Residual"/>.</summary>
    internal const int PrefetchAhead = 8;

    // A hint only: it never faults, so a row address computed from a moved array is harmless.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void PrefetchRow(ref float factors, int row, int d) => Prefetch(ref factors, row, d, l2Only: false);

    /// <summary>
    /// <see cref="PrefetchRow"/> towards L2 only (prefetcht1): for rows needed a whole block later, so the current block's
    /// working set in L1 is not pushed out by them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void PrefetchRowL2(ref float factors, int row, int d) => Prefetch(ref factors, row, d, l2Only: true);

    // Each 64-byte line the row touches, once: two for a 128-byte row on a line boundary, three when it straddles one.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch(ref float factors, int row, int d, bool l2Only)
    {
        if (!Sse.IsSupported) return;
        var start = (nuint)Unsafe.AsPointer(ref Unsafe.Add(ref factors, (nint)row * d));
        var last = (start + (nuint)(d * sizeof(float)) - 1) & ~(nuint)63;
        for (var line = start & ~(nuint)63; line <= last; line += 64)
        {
            if (l2Only) Sse.Prefetch1((void*)line);
            else Sse.Prefetch0((void*)line);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Dot(ref float a, ref float b, int d)
    {
        Vector256<float> s0 = default, s1 = default;
        var f = 0;
        for (; f + 2 * Lanes <= d; f += 2 * Lanes)
        {
            s0 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref a, (nuint)f), Vector256.LoadUnsafe(ref b, (nuint)f), s0);
            s1 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref a, (nuint)(f + Lanes)), Vector256.LoadUnsafe(ref b, (nuint)(f + Lanes)), s1);
        }
        if (f < d) s0 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref a, (nuint)f), Vector256.LoadUnsafe(ref b, (nuint)f), s0);
        return Vector256.Sum(s0 + s1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void AddScaled(ref float y, float w, ref float output, int d)
    {
        var wv = Vector256.Create(w);
        for (var f = 0; f < d; f += Lanes)
            Fma.MultiplyAdd(Vector256.LoadUnsafe(ref y, (nuint)f), wv, Vector256.LoadUnsafe(ref output, (nuint)f)).StoreUnsafe(ref output, (nuint)f);
    }

    private static void GramTimesReference(ReadOnlySpan<float> gram, ReadOnlySpan<float> v, Span<float> output, int d, float sign)
    {
        for (var row = 0; row < d; row++)
        {
            var s = 0f;
            for (var j = 0; j < d; j++) s += gram[row * d + j] * v[j];
            output[row] = sign * s;
        }
    }

    private static float DotReference(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var s = 0f;
        for (var f = 0; f < a.Length; f++) s += a[f] * b[f];
        return s;
    }

    private static void Check(ReadOnlySpan<float> gram, int d, ReadOnlySpan<float> v, Span<float> output)
    {
        if (gram.Length < d * d || v.Length < d || output.Length < d)
            throw new ArgumentException("row product called with buffers smaller than the factor count.");
    }
}
