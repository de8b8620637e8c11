using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// The O(d) vector work of one conjugate-gradient step (Hestenes-Stiefel, as in <see cref="ConjugateGradient"/>), fused
/// into two passes over the row's d floats instead of five separate calls:
/// <see cref="Step"/> does a = r.r / p.Ap, x += a p, r -= a Ap and returns the new r.r in one pass (after the p.Ap dot);
/// <see cref="Direction"/> does p = r + beta p. At d = 64 the five <c>TensorPrimitives</c> calls per step cost about as
/// much as the dense Gram product of the step (perf, bench/results/models-kernels.md, "Session 10 ALS").
/// The vector path (AVX2 + FMA, d a multiple of 8) uses fused multiply-adds and two dot chains; the scalar path
/// (<see cref="StepReference"/>, also used when the vector path is not available) plain float arithmetic. Both CG
/// solvers (one row, blocks of rows) call these same methods, so they stay bit-identical to each other.
/// With <see cref="VectorWidth.For"/> d (AVX-512, d a multiple of 16) the loops run on 512-bit registers: x, r and p get
/// the same values as on the 256-bit path (one fused multiply-add per element either way), the dots p . Ap and r . r
/// sum two 16-lane chains instead of two 8-lane ones, so they differ in the last bits.
/// </summary>
internal static class CgUpdate
{
    private const int Lanes = 8;

    /// <summary>True when the AVX2 + FMA path runs for <paramref name="d"/> floats.</summary>
    public static bool Accelerated(int d) => RowProduct.Accelerated && d % Lanes == 0;

    /// <summary>r . r for the first d floats (vector path: two FMA chains; scalar otherwise).</summary>
    public static float SquaredNorm(ReadOnlySpan<float> r, int d)
    {
        if (r.Length < d) throw new ArgumentException($"CG: vector shorter than {d}.", nameof(r));
        if (!Accelerated(d)) return DotReference(r, r, d);
        ref var a = ref MemoryMarshal.GetReference(r);
        return VectorWidth.For(d) ? DotWide(ref a, ref a, d) : RowProduct.Dot(ref a, ref a, d);
    }

    /// <summary>
    /// One step's update: with a = <paramref name="rsOld"/> / (p . Ap), x += a p and r -= a Ap; returns r . r afterwards.
    /// </summary>
    /// <exception cref="ArgumentException">A vector is shorter than d.</exception>
    public static float Step(ReadOnlySpan<float> p, ReadOnlySpan<float> ap, Span<float> x, Span<float> r, float rsOld, int d)
    {
        if (p.Length < d || ap.Length < d || x.Length < d || r.Length < d) throw new ArgumentException($"CG: vectors shorter than {d}.");
        if (!Accelerated(d)) return StepReference(p, ap, x, r, rsOld, d);
        if (VectorWidth.For(d)) return StepWide(p, ap, x, r, rsOld, d);
        ref var pr = ref MemoryMarshal.GetReference(p);
        ref var apr = ref MemoryMarshal.GetReference(ap);
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var rr = ref MemoryMarshal.GetReference(r);
        var a = rsOld / RowProduct.Dot(ref pr, ref apr, d);
        var av = Vector256.Create(a);
        var minusA = Vector256.Create(-a);
        Vector256<float> s0 = default, s1 = default;
        var f = 0;
        for (; f + 2 * Lanes <= d; f += 2 * Lanes)
        {
            Fma.MultiplyAdd(Vector256.LoadUnsafe(ref pr, (nuint)f), av, Vector256.LoadUnsafe(ref xr, (nuint)f)).StoreUnsafe(ref xr, (nuint)f);
            Fma.MultiplyAdd(Vector256.LoadUnsafe(ref pr, (nuint)(f + Lanes)), av, Vector256.LoadUnsafe(ref xr, (nuint)(f + Lanes))).StoreUnsafe(ref xr, (nuint)(f + Lanes));
            var r0 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref apr, (nuint)f), minusA, Vector256.LoadUnsafe(ref rr, (nuint)f));
            var r1 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref apr, (nuint)(f + Lanes)), minusA, Vector256.LoadUnsafe(ref rr, (nuint)(f + Lanes)));
            r0.StoreUnsafe(ref rr, (nuint)f);
            r1.StoreUnsafe(ref rr, (nuint)(f + Lanes));
            s0 = Fma.MultiplyAdd(r0, r0, s0);
            s1 = Fma.MultiplyAdd(r1, r1, s1);
        }
        if (f < d)
        {
            Fma.MultiplyAdd(Vector256.LoadUnsafe(ref pr, (nuint)f), av, Vector256.LoadUnsafe(ref xr, (nuint)f)).StoreUnsafe(ref xr, (nuint)f);
            var r0 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref apr, (nuint)f), minusA, Vector256.LoadUnsafe(ref rr, (nuint)f));
            r0.StoreUnsafe(ref rr, (nuint)f);
            s0 = Fma.MultiplyAdd(r0, r0, s0);
        }
        return Vector256.Sum(s0 + s1);
    }

    /// <summary>p = r + <paramref name="beta"/> p (the next search direction).</summary>
    /// <exception cref="ArgumentException">A vector is shorter than d.</exception>
    public static void Direction(ReadOnlySpan<float> r, Span<float> p, float beta, int d)
    {
        if (p.Length < d || r.Length < d) throw new ArgumentException($"CG: vectors shorter than {d}.");
        if (!Accelerated(d))
        {
            for (var f = 0; f < d; f++) p[f] = r[f] + beta * p[f];
            return;
        }
        ref var pr = ref MemoryMarshal.GetReference(p);
        ref var rr = ref MemoryMarshal.GetReference(r);
        if (VectorWidth.For(d))
        {
            var b16 = Vector512.Create(beta);
            for (var f = 0; f < d; f += 2 * Lanes)
                Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pr, (nuint)f), b16, Vector512.LoadUnsafe(ref rr, (nuint)f)).StoreUnsafe(ref pr, (nuint)f);
            return;
        }
        var b = Vector256.Create(beta);
        for (var f = 0; f < d; f += Lanes)
            Fma.MultiplyAdd(Vector256.LoadUnsafe(ref pr, (nuint)f), b, Vector256.LoadUnsafe(ref rr, (nuint)f)).StoreUnsafe(ref pr, (nuint)f);
    }

    /// <summary>Scalar definition of <see cref="Step"/> (plain multiplies and adds, one running sum).</summary>
    public static float StepReference(ReadOnlySpan<float> p, ReadOnlySpan<float> ap, Span<float> x, Span<float> r, float rsOld, int d)
    {
        var a = rsOld / DotReference(p, ap, d);
        var rs = 0f;
        for (var f = 0; f < d; f++)
        {
            x[f] += a * p[f];
            r[f] -= a * ap[f];
            rs += r[f] * r[f];
        }
        return rs;
    }

    // Step on 512-bit registers (d a multiple of 16): the same x and r; p . Ap and r . r in two 16-lane chains.
    private static float StepWide(ReadOnlySpan<float> p, ReadOnlySpan<float> ap, Span<float> x, Span<float> r, float rsOld, int d)
    {
        const int wide = 2 * Lanes;
        ref var pr = ref MemoryMarshal.GetReference(p);
        ref var apr = ref MemoryMarshal.GetReference(ap);
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var rr = ref MemoryMarshal.GetReference(r);
        var a = rsOld / DotWide(ref pr, ref apr, d);
        var av = Vector512.Create(a);
        var minusA = Vector512.Create(-a);
        Vector512<float> s0 = default, s1 = default;
        var f = 0;
        for (; f + 2 * wide <= d; f += 2 * wide)
        {
            Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pr, (nuint)f), av, Vector512.LoadUnsafe(ref xr, (nuint)f)).StoreUnsafe(ref xr, (nuint)f);
            Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pr, (nuint)(f + wide)), av, Vector512.LoadUnsafe(ref xr, (nuint)(f + wide))).StoreUnsafe(ref xr, (nuint)(f + wide));
            var r0 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref apr, (nuint)f), minusA, Vector512.LoadUnsafe(ref rr, (nuint)f));
            var r1 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref apr, (nuint)(f + wide)), minusA, Vector512.LoadUnsafe(ref rr, (nuint)(f + wide)));
            r0.StoreUnsafe(ref rr, (nuint)f);
            r1.StoreUnsafe(ref rr, (nuint)(f + wide));
            s0 = Avx512F.FusedMultiplyAdd(r0, r0, s0);
            s1 = Avx512F.FusedMultiplyAdd(r1, r1, s1);
        }
        if (f < d)
        {
            Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pr, (nuint)f), av, Vector512.LoadUnsafe(ref xr, (nuint)f)).StoreUnsafe(ref xr, (nuint)f);
            var r0 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref apr, (nuint)f), minusA, Vector512.LoadUnsafe(ref rr, (nuint)f));
            r0.StoreUnsafe(ref rr, (nuint)f);
            s0 = Avx512F.FusedMultiplyAdd(r0, r0, s0);
        }
        return Vector512.Sum(s0 + s1);
    }

    // a . b for d a multiple of 16: two 16-lane FMA chains (the 512-bit twin of RowProduct.Dot).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float DotWide(ref float a, ref float b, int d)
    {
        const int wide = 2 * Lanes;
        Vector512<float> s0 = default, s1 = default;
        var f = 0;
        for (; f + 2 * wide <= d; f += 2 * wide)
        {
            s0 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref a, (nuint)f), Vector512.LoadUnsafe(ref b, (nuint)f), s0);
            s1 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref a, (nuint)(f + wide)), Vector512.LoadUnsafe(ref b, (nuint)(f + wide)), s1);
        }
        if (f < d) s0 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref a, (nuint)f), Vector512.LoadUnsafe(ref b, (nuint)f), s0);
        return Vector512.Sum(s0 + s1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float DotReference(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int d)
    {
        var s = 0f;
        for (var f = 0; f < d; f++) s += a[f] * b[f];
        return s;
    }
}
