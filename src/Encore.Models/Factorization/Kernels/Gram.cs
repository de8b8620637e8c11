using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Encore.Core.Parallelism;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// Y^T Y (d x d, row-major, symmetric) straight from row-major factors, without a transposed copy:
/// the rows are cut into <see cref="Stripes"/> fixed stripes (independent of the thread count), each stripe's
/// sum of outer products y y^T is accumulated by a register-blocked kernel over L1-sized blocks of rows, and
/// the stripes are added in order, so the result does not depend on the thread count. Only tiles on or
/// above the diagonal are computed; the lower triangle is mirrored. With <see cref="VectorWidth.For"/> d (AVX-512, d a
/// multiple of 32) the tile is 8 x 32 in 16 512-bit accumulators; each entry still sums its stripe's rows in order with
/// one fused multiply-add each, so Y^T Y is the same on both paths.
/// </summary>
internal static class Gram
{
    /// <summary>Number of row stripes summed separately (fixed so that results are thread-count independent).</summary>
    public const int Stripes = 16;

    private const int Lanes = 8;
    private const int TileRows = 4;
    private const int TileColumns = 2 * Lanes;
    private const int BlockRows = 64;
    private const int WideTileRows = 8;
    private const int WideTileColumns = 4 * Lanes;

    /// <summary>Y^T Y of <paramref name="rows"/> x <paramref name="d"/> row-major factors, in a new array.</summary>
    public static float[] Compute(float[] factors, int rows, int d, int threads, CancellationToken cancellationToken = default)
    {
        var buffers = new GramBuffers(d);
        Compute(factors, rows, d, threads, buffers, cancellationToken);
        return buffers.Result;
    }

    /// <summary>Y^T Y into <paramref name="buffers"/>.<see cref="GramBuffers.Result"/> (no allocation); returns it.</summary>
    public static float[] Compute(float[] factors, int rows, int d, int threads, GramBuffers buffers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentNullException.ThrowIfNull(buffers);
        if (buffers.Dimensions != d) throw new ArgumentException($"Gram buffers are for {buffers.Dimensions} factors, not {d}.", nameof(buffers));
        if (factors.Length < (long)rows * d) throw new ArgumentException($"factors hold fewer than {rows} x {d} floats.", nameof(factors));
        var partials = buffers.Partials;
        var dd = d * d;
        ParallelLoop.For(Stripes, threads, (start, end) =>
        {
            for (var s = start; s < end; s++)
            {
                var part = partials.AsSpan(s * dd, dd);
                part.Clear();
                var first = (int)((long)rows * s / Stripes);
                var last = (int)((long)rows * (s + 1) / Stripes);
                if (VectorWidth.For(d) && d % WideTileColumns == 0) AccumulateTilesWide(factors, d, first, last, part);
                else if (Accelerated(d)) AccumulateTiles(factors, d, first, last, part);
                else AccumulateReference(factors, d, first, last, part);
            }
        }, cancellationToken, chunkSize: 1);
        var result = buffers.Result;
        partials.AsSpan(0, dd).CopyTo(result);
        for (var s = 1; s < Stripes; s++)
            System.Numerics.Tensors.TensorPrimitives.Add(result, partials.AsSpan(s * dd, dd), result);
        for (var a = 0; a < d; a++)
            for (var b = a + 1; b < d; b++) result[b * d + a] = result[a * d + b];
        return result;
    }

    /// <summary>The leading k x k block of a d x d matrix.</summary>
    public static float[] Leading(float[] gram, int d, int k)
    {
        var result = new float[k * k];
        for (var a = 0; a < k; a++) gram.AsSpan(a * d, k).CopyTo(result.AsSpan(a * k, k));
        return result;
    }

    /// <summary>A copy of <paramref name="gram"/> with <paramref name="lambda"/> added to the diagonal.</summary>
    public static float[] Regularized(float[] gram, int d, float lambda)
    {
        var result = (float[])gram.Clone();
        AddDiagonal(result, d, lambda);
        return result;
    }

    /// <summary>Adds <paramref name="lambda"/> to the diagonal of <paramref name="gram"/> in place.</summary>
    public static void AddDiagonal(float[] gram, int d, float lambda)
    {
        for (var a = 0; a < d; a++) gram[a * d + a] += lambda;
    }

    private static bool Accelerated(int d) => Fma.IsSupported && Vector256.IsHardwareAccelerated && d % TileColumns == 0 && d % TileRows == 0;

    // Upper-triangle entries (a <= b) of sum_r y_r y_r^T over rows [first, last); the entries below the diagonal
    // are left as they are (the caller mirrors). Each 4 x 16 tile keeps 8 accumulators in registers while a
    // block of 64 rows (L1-resident) streams past it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AccumulateTiles(float[] factors, int d, int first, int last, Span<float> gram)
    {
        ref var y0 = ref MemoryMarshal.GetArrayDataReference(factors);
        ref var g = ref MemoryMarshal.GetReference(gram);
        for (var block = first; block < last; block += BlockRows)
        {
            var blockEnd = Math.Min(last, block + BlockRows);
            for (var a = 0; a < d; a += TileRows)
            {
                for (var c = a / TileColumns * TileColumns; c < d; c += TileColumns)
                {
                    ref var g0 = ref Unsafe.Add(ref g, (nint)a * d + c);
                    var s00 = Vector256.LoadUnsafe(ref g0); var s01 = Vector256.LoadUnsafe(ref g0, Lanes);
                    var s10 = Vector256.LoadUnsafe(ref g0, (nuint)d); var s11 = Vector256.LoadUnsafe(ref g0, (nuint)(d + Lanes));
                    var s20 = Vector256.LoadUnsafe(ref g0, (nuint)(2 * d)); var s21 = Vector256.LoadUnsafe(ref g0, (nuint)(2 * d + Lanes));
                    var s30 = Vector256.LoadUnsafe(ref g0, (nuint)(3 * d)); var s31 = Vector256.LoadUnsafe(ref g0, (nuint)(3 * d + Lanes));
                    for (var r = block; r < blockEnd; r++)
                    {
                        ref var y = ref Unsafe.Add(ref y0, (nint)r * d);
                        var v0 = Vector256.LoadUnsafe(ref y, (nuint)c);
                        var v1 = Vector256.LoadUnsafe(ref y, (nuint)(c + Lanes));
                        var b0 = Vector256.Create(Unsafe.Add(ref y, a));
                        var b1 = Vector256.Create(Unsafe.Add(ref y, a + 1));
                        var b2 = Vector256.Create(Unsafe.Add(ref y, a + 2));
                        var b3 = Vector256.Create(Unsafe.Add(ref y, a + 3));
                        s00 = Fma.MultiplyAdd(b0, v0, s00); s01 = Fma.MultiplyAdd(b0, v1, s01);
                        s10 = Fma.MultiplyAdd(b1, v0, s10); s11 = Fma.MultiplyAdd(b1, v1, s11);
                        s20 = Fma.MultiplyAdd(b2, v0, s20); s21 = Fma.MultiplyAdd(b2, v1, s21);
                        s30 = Fma.MultiplyAdd(b3, v0, s30); s31 = Fma.MultiplyAdd(b3, v1, s31);
                    }
                    s00.StoreUnsafe(ref g0); s01.StoreUnsafe(ref g0, Lanes);
                    s10.StoreUnsafe(ref g0, (nuint)d); s11.StoreUnsafe(ref g0, (nuint)(d + Lanes));
                    s20.StoreUnsafe(ref g0, (nuint)(2 * d)); s21.StoreUnsafe(ref g0, (nuint)(2 * d + Lanes));
                    s30.StoreUnsafe(ref g0, (nuint)(3 * d)); s31.StoreUnsafe(ref g0, (nuint)(3 * d + Lanes));
                }
            }
        }
    }

    // AccumulateTiles on 512-bit registers: 8 x 32 tiles (16 accumulators), each tile of the upper triangle's column
    // blocks (a few entries below the diagonal too, which the mirror overwrites).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AccumulateTilesWide(float[] factors, int d, int first, int last, Span<float> gram)
    {
        const int wide = 2 * Lanes;
        ref var y0 = ref MemoryMarshal.GetArrayDataReference(factors);
        ref var g = ref MemoryMarshal.GetReference(gram);
        var n = (nuint)d;
        for (var block = first; block < last; block += BlockRows)
        {
            var blockEnd = Math.Min(last, block + BlockRows);
            for (var a = 0; a < d; a += WideTileRows)
            {
                for (var c = a / WideTileColumns * WideTileColumns; c < d; c += WideTileColumns)
                {
                    ref var g0 = ref Unsafe.Add(ref g, (nint)a * d + c);
                    var s00 = Vector512.LoadUnsafe(ref g0); var s01 = Vector512.LoadUnsafe(ref g0, wide);
                    var s10 = Vector512.LoadUnsafe(ref g0, n); var s11 = Vector512.LoadUnsafe(ref g0, n + wide);
                    var s20 = Vector512.LoadUnsafe(ref g0, 2 * n); var s21 = Vector512.LoadUnsafe(ref g0, 2 * n + wide);
                    var s30 = Vector512.LoadUnsafe(ref g0, 3 * n); var s31 = Vector512.LoadUnsafe(ref g0, 3 * n + wide);
                    var s40 = Vector512.LoadUnsafe(ref g0, 4 * n); var s41 = Vector512.LoadUnsafe(ref g0, 4 * n + wide);
                    var s50 = Vector512.LoadUnsafe(ref g0, 5 * n); var s51 = Vector512.LoadUnsafe(ref g0, 5 * n + wide);
                    var s60 = Vector512.LoadUnsafe(ref g0, 6 * n); var s61 = Vector512.LoadUnsafe(ref g0, 6 * n + wide);
                    var s70 = Vector512.LoadUnsafe(ref g0, 7 * n); var s71 = Vector512.LoadUnsafe(ref g0, 7 * n + wide);
                    for (var r = block; r < blockEnd; r++)
                    {
                        ref var y = ref Unsafe.Add(ref y0, (nint)r * d);
                        var v0 = Vector512.LoadUnsafe(ref y, (nuint)c);
                        var v1 = Vector512.LoadUnsafe(ref y, (nuint)(c + wide));
                        ref var ya = ref Unsafe.Add(ref y, a);
                        var b = Vector512.Create(ya);
                        s00 = Avx512F.FusedMultiplyAdd(b, v0, s00); s01 = Avx512F.FusedMultiplyAdd(b, v1, s01);
                        b = Vector512.Create(Unsafe.Add(ref ya, 1));
                        s10 = Avx512F.FusedMultiplyAdd(b, v0, s10); s11 = Avx512F.FusedMultiplyAdd(b, v1, s11);
                        b = Vector512.Create(Unsafe.Add(ref ya, 2));
                        s20 = Avx512F.FusedMultiplyAdd(b, v0, s20); s21 = Avx512F.FusedMultiplyAdd(b, v1, s21);
                        b = Vector512.Create(Unsafe.Add(ref ya, 3));
                        s30 = Avx512F.FusedMultiplyAdd(b, v0, s30); s31 = Avx512F.FusedMultiplyAdd(b, v1, s31);
                        b = Vector512.Create(Unsafe.Add(ref ya, 4));
                        s40 = Avx512F.FusedMultiplyAdd(b, v0, s40); s41 = Avx512F.FusedMultiplyAdd(b, v1, s41);
                        b = Vector512.Create(Unsafe.Add(ref ya, 5));
                        s50 = Avx512F.FusedMultiplyAdd(b, v0, s50); s51 = Avx512F.FusedMultiplyAdd(b, v1, s51);
                        b = Vector512.Create(Unsafe.Add(ref ya, 6));
                        s60 = Avx512F.FusedMultiplyAdd(b, v0, s60); s61 = Avx512F.FusedMultiplyAdd(b, v1, s61);
                        b = Vector512.Create(Unsafe.Add(ref ya, 7));
                        s70 = Avx512F.FusedMultiplyAdd(b, v0, s70); s71 = Avx512F.FusedMultiplyAdd(b, v1, s71);
                    }
                    s00.StoreUnsafe(ref g0); s01.StoreUnsafe(ref g0, wide);
                    s10.StoreUnsafe(ref g0, n); s11.StoreUnsafe(ref g0, n + wide);
                    s20.StoreUnsafe(ref g0, 2 * n); s21.StoreUnsafe(ref g0, 2 * n + wide);
                    s30.StoreUnsafe(ref g0, 3 * n); s31.StoreUnsafe(ref g0, 3 * n + wide);
                    s40.StoreUnsafe(ref g0, 4 * n); s41.StoreUnsafe(ref g0, 4 * n + wide);
                    s50.StoreUnsafe(ref g0, 5 * n); s51.StoreUnsafe(ref g0, 5 * n + wide);
                    s60.StoreUnsafe(ref g0, 6 * n); s61.StoreUnsafe(ref g0, 6 * n + wide);
                    s70.StoreUnsafe(ref g0, 7 * n); s71.StoreUnsafe(ref g0, 7 * n + wide);
                }
            }
        }
    }

    private static void AccumulateReference(float[] factors, int d, int first, int last, Span<float> gram)
    {
        for (var r = first; r < last; r++)
        {
            var y = factors.AsSpan(r * d, d);
            for (var a = 0; a < d; a++)
            {
                var ya = y[a];
                for (var b = a; b < d; b++) gram[a * d + b] += ya * y[b];
            }
        }
    }
}
