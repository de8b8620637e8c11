using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// C = A B in float32, row-major (A m x k, B k x n, C m x n), single-threaded: the managed fallback of the GEMM peak
/// when OpenBLAS is absent. A register-blocked 4 x 16 AVX2 + FMA micro-kernel (8 accumulators: 4 rows of A broadcast
/// against two 8-lane vectors of a B row) over panels of <see cref="PanelDepth"/> rows of B, so a panel stays in L2;
/// edges and machines without AVX2 + FMA take <see cref="MultiplyReference"/>'s loop.
/// </summary>
internal static class ManagedGemm
{
    private const int Lanes = 8;
    private const int TileRows = 4;
    private const int TileColumns = 2 * Lanes;
    private const int PanelDepth = 128;

    /// <summary>C = A B (overwrites C).</summary>
    /// <exception cref="ArgumentException">An array is shorter than its shape.</exception>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k)
    {
        if (a.Length < (long)m * k || b.Length < (long)k * n || c.Length < (long)m * n)
            throw new ArgumentException($"Arrays shorter than A {m} x {k}, B {k} x {n}, C {m} x {n}.");
        c[..(m * n)].Clear();
        if (!(Avx2.IsSupported && Fma.IsSupported))
        {
            AccumulateReference(a, b, c, m, n, k, 0, m, 0, n, 0, k);
            return;
        }
        var fullRows = m - m % TileRows;
        var fullColumns = n - n % TileColumns;
        for (var p0 = 0; p0 < k; p0 += PanelDepth)
        {
            var p1 = Math.Min(k, p0 + PanelDepth);
            for (var i = 0; i < fullRows; i += TileRows)
                for (var j = 0; j < fullColumns; j += TileColumns)
                    Tile(a, b, c, n, k, i, j, p0, p1);
            if (fullColumns < n) AccumulateReference(a, b, c, m, n, k, 0, fullRows, fullColumns, n, p0, p1);
            if (fullRows < m) AccumulateReference(a, b, c, m, n, k, fullRows, m, 0, n, p0, p1);
        }
    }

    /// <summary>The plain triple loop (C = A B), the reference the tiled kernel is tested against.</summary>
    public static void MultiplyReference(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k)
    {
        c[..(m * n)].Clear();
        AccumulateReference(a, b, c, m, n, k, 0, m, 0, n, 0, k);
    }

    private static void AccumulateReference(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k,
        int rowStart, int rowEnd, int columnStart, int columnEnd, int depthStart, int depthEnd)
    {
        _ = m;
        for (var i = rowStart; i < rowEnd; i++)
            for (var p = depthStart; p < depthEnd; p++)
            {
                var aip = a[i * k + p];
                for (var j = columnStart; j < columnEnd; j++) c[i * n + j] += aip * b[p * n + j];
            }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int n, int k, int i, int j, int p0, int p1)
    {
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        ref var rc = ref MemoryMarshal.GetReference(c);
        ref var c0 = ref Unsafe.Add(ref rc, i * n + j);
        ref var c1 = ref Unsafe.Add(ref c0, n);
        ref var c2 = ref Unsafe.Add(ref c1, n);
        ref var c3 = ref Unsafe.Add(ref c2, n);
        var s00 = Vector256.LoadUnsafe(ref c0); var s01 = Vector256.LoadUnsafe(ref c0, Lanes);
        var s10 = Vector256.LoadUnsafe(ref c1); var s11 = Vector256.LoadUnsafe(ref c1, Lanes);
        var s20 = Vector256.LoadUnsafe(ref c2); var s21 = Vector256.LoadUnsafe(ref c2, Lanes);
        var s30 = Vector256.LoadUnsafe(ref c3); var s31 = Vector256.LoadUnsafe(ref c3, Lanes);
        for (var p = p0; p < p1; p++)
        {
            ref var bRow = ref Unsafe.Add(ref rb, p * n + j);
            var b0 = Vector256.LoadUnsafe(ref bRow);
            var b1 = Vector256.LoadUnsafe(ref bRow, Lanes);
            var a0 = Vector256.Create(Unsafe.Add(ref ra, i * k + p));
            var a1 = Vector256.Create(Unsafe.Add(ref ra, (i + 1) * k + p));
            var a2 = Vector256.Create(Unsafe.Add(ref ra, (i + 2) * k + p));
            var a3 = Vector256.Create(Unsafe.Add(ref ra, (i + 3) * k + p));
            s00 = Fma.MultiplyAdd(a0, b0, s00); s01 = Fma.MultiplyAdd(a0, b1, s01);
            s10 = Fma.MultiplyAdd(a1, b0, s10); s11 = Fma.MultiplyAdd(a1, b1, s11);
            s20 = Fma.MultiplyAdd(a2, b0, s20); s21 = Fma.MultiplyAdd(a2, b1, s21);
            s30 = Fma.MultiplyAdd(a3, b0, s30); s31 = Fma.MultiplyAdd(a3, b1, s31);
        }
        s00.StoreUnsafe(ref c0); s01.StoreUnsafe(ref c0, Lanes);
        s10.StoreUnsafe(ref c1); s11.StoreUnsafe(ref c1, Lanes);
        s20.StoreUnsafe(ref c2); s21.StoreUnsafe(ref c2, Lanes);
        s30.StoreUnsafe(ref c3); s31.StoreUnsafe(ref c3, Lanes);
    }
}
