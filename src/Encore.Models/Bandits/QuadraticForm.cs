using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Encore.Models.Bandits;

/// <summary>
/// xᵀ M x for a row-major d x d matrix M (the LinUCB width xᵀA⁻¹x), without allocating. The vector path keeps a
/// block of M x in registers: for each block of 32 (then 8) columns it accumulates Σ_j x_j M[j, block] with fused
/// multiply-adds over the d rows and then dots the block with x, so M is streamed once per candidate from L1 and
/// nothing is stored. <see cref="Scalar"/> is the reference every tier is tested against.
/// </summary>
internal static class QuadraticForm
{
    /// <exception cref="ArgumentException"><paramref name="m"/> is not <paramref name="x"/>.Length squared.</exception>
    public static float Evaluate(ReadOnlySpan<float> m, ReadOnlySpan<float> x)
    {
        var d = x.Length;
        if (m.Length != d * d) throw new ArgumentException($"expected a {d} x {d} matrix, got {m.Length} values.", nameof(m));
        return Vector256.IsHardwareAccelerated && d >= Vector256<float>.Count ? Vector256Tier(m, x) : Scalar(m, x);
    }

    /// <summary>The reference: Σ_i x_i Σ_j M[j, i] x_j in float, rows in order.</summary>
    internal static float Scalar(ReadOnlySpan<float> m, ReadOnlySpan<float> x)
    {
        var d = x.Length;
        var total = 0f;
        for (var i = 0; i < d; i++)
        {
            var s = 0f;
            for (var j = 0; j < d; j++) s += x[j] * m[j * d + i];
            total += s * x[i];
        }
        return total;
    }

    internal static float Vector256Tier(ReadOnlySpan<float> m, ReadOnlySpan<float> x)
    {
        var d = x.Length;
        ref var mr = ref MemoryMarshal.GetReference(m);
        ref var xr = ref MemoryMarshal.GetReference(x);
        var w = Vector256<float>.Count;
        var total = Vector256<float>.Zero;
        var c = 0;
        for (; c + 4 * w <= d; c += 4 * w)
        {
            Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
            for (var j = 0; j < d; j++)
            {
                var xj = Vector256.Create(Unsafe.Add(ref xr, j));
                var row = (nuint)(j * d + c);
                a0 = Fma(Vector256.LoadUnsafe(ref mr, row), xj, a0);
                a1 = Fma(Vector256.LoadUnsafe(ref mr, row + (nuint)w), xj, a1);
                a2 = Fma(Vector256.LoadUnsafe(ref mr, row + (nuint)(2 * w)), xj, a2);
                a3 = Fma(Vector256.LoadUnsafe(ref mr, row + (nuint)(3 * w)), xj, a3);
            }
            total = Fma(a0, Vector256.LoadUnsafe(ref xr, (nuint)c), total);
            total = Fma(a1, Vector256.LoadUnsafe(ref xr, (nuint)(c + w)), total);
            total = Fma(a2, Vector256.LoadUnsafe(ref xr, (nuint)(c + 2 * w)), total);
            total = Fma(a3, Vector256.LoadUnsafe(ref xr, (nuint)(c + 3 * w)), total);
        }
        for (; c + w <= d; c += w)
        {
            var a = Vector256<float>.Zero;
            for (var j = 0; j < d; j++) a = Fma(Vector256.LoadUnsafe(ref mr, (nuint)(j * d + c)), Vector256.Create(Unsafe.Add(ref xr, j)), a);
            total = Fma(a, Vector256.LoadUnsafe(ref xr, (nuint)c), total);
        }
        var sum = Vector256.Sum(total);
        for (; c < d; c++)
        {
            var s = 0f;
            for (var j = 0; j < d; j++) s += Unsafe.Add(ref xr, j) * Unsafe.Add(ref mr, j * d + c);
            sum += s * Unsafe.Add(ref xr, c);
        }
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Fma(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
        System.Runtime.Intrinsics.X86.Fma.IsSupported ? System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(a, b, c) : (a * b) + c;
}
