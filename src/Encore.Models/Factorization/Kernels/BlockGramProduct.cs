using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// The dense part of <see cref="RowProduct"/> for a block of rows at once: O = sign * V G for a symmetric d x d Gram
/// G and a rows x d block V (row-major, row stride d), i.e. o_r = sign * G v_r for every row. This is a small GEMM
/// (rows x d x d, 2 rows d^2 flops): a 6 x 16 register tile (12 AVX2 accumulators) broadcasts 6 rows' v[j] against
/// two 8-lane vectors of Gram row j, so each Gram load serves 6 rows instead of 1 and the loop is FMA-bound
/// instead of load-bound. Each output still sums j = 0..d-1 in order with one fused multiply-add per term, exactly as
/// <see cref="RowProduct"/>'s one-row kernel does, so the results are bit-identical to it; the rows left over
/// below a multiple of 6 take that one-row kernel. Needs AVX2 + FMA and d a multiple of 16 (<see cref="Supported"/>).
/// With <see cref="VectorWidth.For"/> d (AVX-512) the tile is 6 rows x 32 columns in 12 512-bit accumulators (each Gram
/// load then serves 6 rows over twice the columns; a last 16 columns take the 256-bit tile): the same per-output sums, so
/// the same bits as the 256-bit path.
/// </summary>
internal static class BlockGramProduct
{
    /// <summary>Rows of one register tile.</summary>
    public const int TileRows = 6;

    private const int Lanes = 8;
    private const int TileColumns = 2 * Lanes;

    /// <summary>True when <see cref="Multiply"/> can run for <paramref name="d"/> factors on this machine.</summary>
    public static bool Supported(int d) => RowProduct.Accelerated && d % TileColumns == 0;

    /// <summary>output[r] = sign * G v[r] for r in [0, <paramref name="rows"/>).</summary>
    /// <exception cref="ArgumentException">A buffer is shorter than its shape.</exception>
    /// <exception cref="NotSupportedException">Not <see cref="Supported"/> for d.</exception>
    public static void Multiply(ReadOnlySpan<float> gram, ReadOnlySpan<float> v, Span<float> output, int rows, int d, float sign)
    {
        if (!Supported(d)) throw new NotSupportedException($"the block Gram product needs AVX2 + FMA and d a multiple of {TileColumns}, not {d}.");
        if (gram.Length < d * d || v.Length < rows * d || output.Length < rows * d)
            throw new ArgumentException($"block Gram product: buffers shorter than G {d} x {d}, V and O {rows} x {d}.");
        var r = 0;
        var wide = VectorWidth.For(d);
        for (; r + TileRows <= rows; r += TileRows)
        {
            var c = 0;
            if (wide)
                for (; c + 2 * TileColumns <= d; c += 2 * TileColumns) TileWide(gram, v.Slice(r * d), output.Slice(r * d), d, c, sign);
            for (; c < d; c += TileColumns) Tile(gram, v.Slice(r * d), output.Slice(r * d), d, c, sign);
        }
        for (; r < rows; r++) RowProduct.GramTimes(gram, v.Slice(r * d, d), output.Slice(r * d, d), d, sign);
    }

    /// <summary>Scalar definition: output[r][k] = sign * sum_j G[k, j] v[r][j].</summary>
    public static void MultiplyReference(ReadOnlySpan<float> gram, ReadOnlySpan<float> v, Span<float> output, int rows, int d, float sign)
    {
        for (var r = 0; r < rows; r++)
            for (var k = 0; k < d; k++)
            {
                var s = 0f;
                for (var j = 0; j < d; j++) s += gram[k * d + j] * v[r * d + j];
                output[r * d + k] = sign * s;
            }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile(ReadOnlySpan<float> gram, ReadOnlySpan<float> v, Span<float> output, int d, int c, float sign)
    {
        ref var g = ref Unsafe.Add(ref MemoryMarshal.GetReference(gram), c);
        ref var v0 = ref MemoryMarshal.GetReference(v);
        ref var v1 = ref Unsafe.Add(ref v0, d);
        ref var v2 = ref Unsafe.Add(ref v1, d);
        ref var v3 = ref Unsafe.Add(ref v2, d);
        ref var v4 = ref Unsafe.Add(ref v3, d);
        ref var v5 = ref Unsafe.Add(ref v4, d);
        Vector256<float> s00 = default, s01 = default, s10 = default, s11 = default, s20 = default, s21 = default;
        Vector256<float> s30 = default, s31 = default, s40 = default, s41 = default, s50 = default, s51 = default;
        for (var j = 0; j < d; j++)
        {
            ref var row = ref Unsafe.Add(ref g, (nint)j * d);
            var g0 = Vector256.LoadUnsafe(ref row);
            var g1 = Vector256.LoadUnsafe(ref row, Lanes);
            var b = Vector256.Create(Unsafe.Add(ref v0, j));
            s00 = Fma.MultiplyAdd(g0, b, s00); s01 = Fma.MultiplyAdd(g1, b, s01);
            b = Vector256.Create(Unsafe.Add(ref v1, j));
            s10 = Fma.MultiplyAdd(g0, b, s10); s11 = Fma.MultiplyAdd(g1, b, s11);
            b = Vector256.Create(Unsafe.Add(ref v2, j));
            s20 = Fma.MultiplyAdd(g0, b, s20); s21 = Fma.MultiplyAdd(g1, b, s21);
            b = Vector256.Create(Unsafe.Add(ref v3, j));
            s30 = Fma.MultiplyAdd(g0, b, s30); s31 = Fma.MultiplyAdd(g1, b, s31);
            b = Vector256.Create(Unsafe.Add(ref v4, j));
            s40 = Fma.MultiplyAdd(g0, b, s40); s41 = Fma.MultiplyAdd(g1, b, s41);
            b = Vector256.Create(Unsafe.Add(ref v5, j));
            s50 = Fma.MultiplyAdd(g0, b, s50); s51 = Fma.MultiplyAdd(g1, b, s51);
        }
        var s = Vector256.Create(sign);
        ref var o = ref Unsafe.Add(ref MemoryMarshal.GetReference(output), c);
        var n = (nuint)d;
        (s00 * s).StoreUnsafe(ref o); (s01 * s).StoreUnsafe(ref o, Lanes);
        (s10 * s).StoreUnsafe(ref o, n); (s11 * s).StoreUnsafe(ref o, n + Lanes);
        (s20 * s).StoreUnsafe(ref o, 2 * n); (s21 * s).StoreUnsafe(ref o, 2 * n + Lanes);
        (s30 * s).StoreUnsafe(ref o, 3 * n); (s31 * s).StoreUnsafe(ref o, 3 * n + Lanes);
        (s40 * s).StoreUnsafe(ref o, 4 * n); (s41 * s).StoreUnsafe(ref o, 4 * n + Lanes);
        (s50 * s).StoreUnsafe(ref o, 5 * n); (s51 * s).StoreUnsafe(ref o, 5 * n + Lanes);
    }

    // Tile on 512-bit registers: 6 rows x 32 columns, 12 accumulators, j in order with one FMA per term as in Tile.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TileWide(ReadOnlySpan<float> gram, ReadOnlySpan<float> v, Span<float> output, int d, int c, float sign)
    {
        const int wide = 2 * Lanes;
        ref var g = ref Unsafe.Add(ref MemoryMarshal.GetReference(gram), c);
        ref var v0 = ref MemoryMarshal.GetReference(v);
        ref var v1 = ref Unsafe.Add(ref v0, d);
        ref var v2 = ref Unsafe.Add(ref v1, d);
        ref var v3 = ref Unsafe.Add(ref v2, d);
        ref var v4 = ref Unsafe.Add(ref v3, d);
        ref var v5 = ref Unsafe.Add(ref v4, d);
        Vector512<float> s00 = default, s01 = default, s10 = default, s11 = default, s20 = default, s21 = default;
        Vector512<float> s30 = default, s31 = default, s40 = default, s41 = default, s50 = default, s51 = default;
        for (var j = 0; j < d; j++)
        {
            ref var row = ref Unsafe.Add(ref g, (nint)j * d);
            var g0 = Vector512.LoadUnsafe(ref row);
            var g1 = Vector512.LoadUnsafe(ref row, wide);
            var b = Vector512.Create(Unsafe.Add(ref v0, j));
            s00 = Avx512F.FusedMultiplyAdd(g0, b, s00); s01 = Avx512F.FusedMultiplyAdd(g1, b, s01);
            b = Vector512.Create(Unsafe.Add(ref v1, j));
            s10 = Avx512F.FusedMultiplyAdd(g0, b, s10); s11 = Avx512F.FusedMultiplyAdd(g1, b, s11);
            b = Vector512.Create(Unsafe.Add(ref v2, j));
            s20 = Avx512F.FusedMultiplyAdd(g0, b, s20); s21 = Avx512F.FusedMultiplyAdd(g1, b, s21);
            b = Vector512.Create(Unsafe.Add(ref v3, j));
            s30 = Avx512F.FusedMultiplyAdd(g0, b, s30); s31 = Avx512F.FusedMultiplyAdd(g1, b, s31);
            b = Vector512.Create(Unsafe.Add(ref v4, j));
            s40 = Avx512F.FusedMultiplyAdd(g0, b, s40); s41 = Avx512F.FusedMultiplyAdd(g1, b, s41);
            b = Vector512.Create(Unsafe.Add(ref v5, j));
            s50 = Avx512F.FusedMultiplyAdd(g0, b, s50); s51 = Avx512F.FusedMultiplyAdd(g1, b, s51);
        }
        var s = Vector512.Create(sign);
        ref var o = ref Unsafe.Add(ref MemoryMarshal.GetReference(output), c);
        var n = (nuint)d;
        (s00 * s).StoreUnsafe(ref o); (s01 * s).StoreUnsafe(ref o, wide);
        (s10 * s).StoreUnsafe(ref o, n); (s11 * s).StoreUnsafe(ref o, n + wide);
        (s20 * s).StoreUnsafe(ref o, 2 * n); (s21 * s).StoreUnsafe(ref o, 2 * n + wide);
        (s30 * s).StoreUnsafe(ref o, 3 * n); (s31 * s).StoreUnsafe(ref o, 3 * n + wide);
        (s40 * s).StoreUnsafe(ref o, 4 * n); (s41 * s).StoreUnsafe(ref o, 4 * n + wide);
        (s50 * s).StoreUnsafe(ref o, 5 * n); (s51 * s).StoreUnsafe(ref o, 5 * n + wide);
    }
}
