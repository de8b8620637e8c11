using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// Scores users against items from item factors stored transposed (factor-major, <c>stride</c> columns
/// padded to a multiple of 16). Every score is the sequence acc = fma(y[f], u[f], acc) for f = 0..d-1, in
/// the vector kernels and in <see cref="Reference"/> alike, so all paths give bit-identical scores.
/// The four-user kernel is a register-blocked GEMM micro-kernel: 4 users x 16 items, 8 accumulators.
/// </summary>
internal static class ScoreKernel
{
    /// <summary>Items computed per micro-kernel step (column padding unit).</summary>
    public const int Step = 16;

    public static bool Accelerated => Fma.IsSupported && Vector256.IsHardwareAccelerated;

    /// <summary>Scores four users (rows of <paramref name="users"/>, d floats each) for columns [from, to).</summary>
    /// <remarks>
    /// Compiled fully optimised on first call (no tier-0 or instrumented code): under load the tiering thread may not
    /// run for long, and this kernel's tier-0 code is several times slower (bench/results/service.md, session 7).
    /// </remarks>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Four(ReadOnlySpan<float> users, int d, ReadOnlySpan<float> itemsT, int stride, int from, int to, Span<float> output, int outStride)
    {
        Check(users.Length >= 4 * d && itemsT.Length >= d * stride && to <= stride && (to - from) % Step == 0 && output.Length >= 3 * outStride + (to - from));
        if (!Accelerated)
        {
            Reference(users, 4, d, itemsT, stride, from, to, output, outStride);
            return;
        }
        ref var u = ref MemoryMarshal.GetReference(users);
        ref var o = ref MemoryMarshal.GetReference(output);
        for (var j = from; j < to; j += Step)
        {
            var a0 = Vector256<float>.Zero; var b0 = Vector256<float>.Zero;
            var a1 = Vector256<float>.Zero; var b1 = Vector256<float>.Zero;
            var a2 = Vector256<float>.Zero; var b2 = Vector256<float>.Zero;
            var a3 = Vector256<float>.Zero; var b3 = Vector256<float>.Zero;
            ref var col = ref Unsafe.Add(ref MemoryMarshal.GetReference(itemsT), j);
            for (var f = 0; f < d; f++)
            {
                ref var yf = ref Unsafe.Add(ref col, (nint)f * stride);
                var y0 = Vector256.LoadUnsafe(ref yf);
                var y1 = Vector256.LoadUnsafe(ref yf, 8);
                var w = Vector256.Create(Unsafe.Add(ref u, f));
                a0 = Fma.MultiplyAdd(y0, w, a0); b0 = Fma.MultiplyAdd(y1, w, b0);
                w = Vector256.Create(Unsafe.Add(ref u, d + f));
                a1 = Fma.MultiplyAdd(y0, w, a1); b1 = Fma.MultiplyAdd(y1, w, b1);
                w = Vector256.Create(Unsafe.Add(ref u, 2 * d + f));
                a2 = Fma.MultiplyAdd(y0, w, a2); b2 = Fma.MultiplyAdd(y1, w, b2);
                w = Vector256.Create(Unsafe.Add(ref u, 3 * d + f));
                a3 = Fma.MultiplyAdd(y0, w, a3); b3 = Fma.MultiplyAdd(y1, w, b3);
            }
            var at = (nuint)(j - from);
            a0.StoreUnsafe(ref o, at); b0.StoreUnsafe(ref o, at + 8);
            a1.StoreUnsafe(ref o, at + (nuint)outStride); b1.StoreUnsafe(ref o, at + (nuint)outStride + 8);
            a2.StoreUnsafe(ref o, at + (nuint)(2 * outStride)); b2.StoreUnsafe(ref o, at + (nuint)(2 * outStride) + 8);
            a3.StoreUnsafe(ref o, at + (nuint)(3 * outStride)); b3.StoreUnsafe(ref o, at + (nuint)(3 * outStride) + 8);
        }
    }

    /// <summary>Scores one user for columns [from, to) (compiled fully optimised on first call, as <see cref="Four"/>).</summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void One(ReadOnlySpan<float> user, int d, ReadOnlySpan<float> itemsT, int stride, int from, int to, Span<float> output)
    {
        Check(user.Length >= d && itemsT.Length >= d * stride && to <= stride && (to - from) % Step == 0 && output.Length >= to - from);
        if (!Accelerated)
        {
            Reference(user, 1, d, itemsT, stride, from, to, output, 0);
            return;
        }
        ref var u = ref MemoryMarshal.GetReference(user);
        ref var o = ref MemoryMarshal.GetReference(output);
        var j = from;
        // 64 items per step: eight independent FMA chains hide the FMA latency that two chains cannot
        // (each item still sums f = 0..d-1 in order, so scores stay bit-identical).
        for (; j + 4 * Step <= to; j += 4 * Step)
        {
            var a0 = Vector256<float>.Zero; var a1 = Vector256<float>.Zero; var a2 = Vector256<float>.Zero; var a3 = Vector256<float>.Zero;
            var a4 = Vector256<float>.Zero; var a5 = Vector256<float>.Zero; var a6 = Vector256<float>.Zero; var a7 = Vector256<float>.Zero;
            ref var col = ref Unsafe.Add(ref MemoryMarshal.GetReference(itemsT), j);
            for (var f = 0; f < d; f++)
            {
                ref var yf = ref Unsafe.Add(ref col, (nint)f * stride);
                var w = Vector256.Create(Unsafe.Add(ref u, f));
                a0 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref yf), w, a0);
                a1 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref yf, 8), w, a1);
                a2 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref yf, 16), w, a2);
                a3 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref yf, 24), w, a3);
                a4 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref yf, 32), w, a4);
                a5 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref yf, 40), w, a5);
                a6 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref yf, 48), w, a6);
                a7 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref yf, 56), w, a7);
            }
            var at = (nuint)(j - from);
            a0.StoreUnsafe(ref o, at); a1.StoreUnsafe(ref o, at + 8); a2.StoreUnsafe(ref o, at + 16); a3.StoreUnsafe(ref o, at + 24);
            a4.StoreUnsafe(ref o, at + 32); a5.StoreUnsafe(ref o, at + 40); a6.StoreUnsafe(ref o, at + 48); a7.StoreUnsafe(ref o, at + 56);
        }
        for (; j < to; j += Step)
        {
            var a = Vector256<float>.Zero;
            var b = Vector256<float>.Zero;
            ref var col = ref Unsafe.Add(ref MemoryMarshal.GetReference(itemsT), j);
            for (var f = 0; f < d; f++)
            {
                ref var yf = ref Unsafe.Add(ref col, (nint)f * stride);
                var w = Vector256.Create(Unsafe.Add(ref u, f));
                a = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref yf), w, a);
                b = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref yf, 8), w, b);
            }
            a.StoreUnsafe(ref o, (nuint)(j - from));
            b.StoreUnsafe(ref o, (nuint)(j - from + 8));
        }
    }

    /// <summary>Scalar reference with the same operation order (used without AVX2/FMA and in tests).</summary>
    public static void Reference(ReadOnlySpan<float> users, int count, int d, ReadOnlySpan<float> itemsT, int stride, int from, int to, Span<float> output, int outStride)
    {
        for (var r = 0; r < count; r++)
        {
            var u = users.Slice(r * d, d);
            for (var j = from; j < to; j++)
            {
                var acc = 0f;
                for (var f = 0; f < d; f++) acc = MathF.FusedMultiplyAdd(itemsT[f * stride + j], u[f], acc);
                output[r * outStride + j - from] = acc;
            }
        }
    }

    private static void Check(bool ok)
    {
        if (!ok) throw new ArgumentException("score kernel called with buffers that do not fit the requested block.");
    }
}
