using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// The fixed-offset kernel behind <see cref="AddContiguous"/> and <see cref="AddPaired"/> at d = 64 on the 512-bit path:
/// one body for both row formats (<see cref="IRows64{T}"/>: floats, or paired bfloat16 words widened in registers), each
/// instantiated for its format so that its row reads inline. The chunks, groups, weights and weighted sums are
/// <see cref="Add"/>'s, so every format gives Add's bits over the floats it reads.
/// </summary>
internal static partial class SparseRowTerms
{
    // The factor count of the fixed-offset kernel.
    private const int ContiguousD = 64;

    // One row of 64 floats in four 512-bit registers: floats 0-15, 16-31, 32-47, 48-63.
    private readonly struct Row64(Vector512<float> f0, Vector512<float> f1, Vector512<float> f2, Vector512<float> f3)
    {
        public readonly Vector512<float> F0 = f0, F1 = f1, F2 = f2, F3 = f3;
    }

    // How the kernel reads a row of 64 from its buffer: Stride elements of T per row.
    private interface IRows64<T> where T : unmanaged
    {
        static abstract int Stride { get; }

        static abstract Row64 Read(ref T row);
    }

    // Rows of 64 floats, read as they are.
    private readonly struct FloatRows64 : IRows64<float>
    {
        public static int Stride => ContiguousD;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Row64 Read(ref float row) =>
            new(Vector512.LoadUnsafe(ref row), Vector512.LoadUnsafe(ref row, 16), Vector512.LoadUnsafe(ref row, 32), Vector512.LoadUnsafe(ref row, 48));
    }

    // Rows of 32 paired bfloat16 words (BFloat16Rows): floats 0-15 are the first 16 words shifted left 16, 16-31 those
    // words' high halves, 32-63 the same from the next 16 words; a shift and a mask per 16 floats.
    private readonly struct PairedRows64 : IRows64<uint>
    {
        public static int Stride => ContiguousD / 2;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Row64 Read(ref uint row)
        {
            var high = Vector512.Create(0xFFFF0000u);
            var x0 = Vector512.LoadUnsafe(ref row);
            var x1 = Vector512.LoadUnsafe(ref row, 16);
            return new(Vector512.ShiftLeft(x0, 16).AsSingle(), (x0 & high).AsSingle(), Vector512.ShiftLeft(x1, 16).AsSingle(), (x1 & high).AsSingle());
        }
    }

    // Add for a row whose nonzero k's factor row is at y0 + k Stride: Add's chunks and groups of eight, a group's dots
    // read at fixed offsets from one address with v held in four registers (no index loads, no per-row address arithmetic).
    [SkipLocalsInit]
    private static void AddRows64<TRows, T>(ref T y0, ReadOnlySpan<int> identity, ReadOnlySpan<float> values, float alpha,
        ref float vr, ref float o, bool residual)
        where TRows : struct, IRows64<T>
        where T : unmanaged
    {
        var stride = TRows.Stride;
        Span<float> weights = stackalloc float[Chunk];
        Span<int> rows = stackalloc int[Chunk];
        var v0 = Vector512.LoadUnsafe(ref vr);
        var v1 = Vector512.LoadUnsafe(ref vr, 16);
        var v2 = Vector512.LoadUnsafe(ref vr, 32);
        var v3 = Vector512.LoadUnsafe(ref vr, 48);
        var length = identity.Length;
        for (var start = 0; start < length; start += Chunk)
        {
            var end = Math.Min(length, start + Chunk);
            var count = 0;
            var k = start;
            if (k + Lanes <= end)
            {
                // Software-pipelined: the next group's dot chains are issued before this group's transpose-add and
                // weights, which wait on this group's chains; the same arithmetic per dot, so the same bits.
                Dots8<TRows, T>(ref Unsafe.Add(ref y0, (nint)k * stride), Lanes, v0, v1, v2, v3, out var d0, out var d1, out var d2, out var d3,
                    out var d4, out var d5, out var d6, out var d7);
                for (k += Lanes; k + Lanes <= end; k += Lanes)
                {
                    Dots8<TRows, T>(ref Unsafe.Add(ref y0, (nint)k * stride), Lanes, v0, v1, v2, v3, out var n0, out var n1, out var n2, out var n3,
                        out var n4, out var n5, out var n6, out var n7);
                    count = Keep8(rows, weights, count, identity.Slice(k - Lanes, Lanes), values.Slice(k - Lanes, Lanes), alpha,
                        TransposeAdd(d0, d1, d2, d3, d4, d5, d6, d7), residual);
                    (d0, d1, d2, d3, d4, d5, d6, d7) = (n0, n1, n2, n3, n4, n5, n6, n7);
                }
                count = Keep8(rows, weights, count, identity.Slice(k - Lanes, Lanes), values.Slice(k - Lanes, Lanes), alpha,
                    TransposeAdd(d0, d1, d2, d3, d4, d5, d6, d7), residual);
            }
            if (k < end)
            {
                // A short last group (or a row of fewer than eight nonzeros) as in Add: its last row repeated in the missing
                // lanes (read, never kept); KeepShort's weights and the weighted sums in order are AddShort's arithmetic too.
                // With four rows or fewer the repeated lanes copy the last dot instead of computing it again (the same
                // value): on the 360k shape's user rows (20 nonzeros on average) that is 8% fewer dots.
                var n = end - k;
                ref var y = ref Unsafe.Add(ref y0, (nint)k * stride);
                Vector256<float> d0, d1, d2, d3, d4, d5, d6, d7;
                if (n <= Lanes / 2)
                {
                    Dots4<TRows, T>(ref y, n, v0, v1, v2, v3, out d0, out d1, out d2, out d3);
                    (d4, d5, d6, d7) = (d3, d3, d3, d3);
                }
                else Dots8<TRows, T>(ref y, n, v0, v1, v2, v3, out d0, out d1, out d2, out d3, out d4, out d5, out d6, out d7);
                var dots = TransposeAdd(d0, d1, d2, d3, d4, d5, d6, d7);
                count = KeepShort(rows, weights, count, identity.Slice(k, n), values.Slice(k, n), alpha, dots, residual);
            }
            AccumulateRows64<TRows, T>(ref y0, rows[..count], weights[..count], ref o);
        }
    }

    // The dots of the eight rows from row (Dot64 each); with fewer than eight rows left (a short last group), the last of
    // them repeated in the missing lanes. Inlined with rowsLeft = Lanes, the clamps fold away.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Dots8<TRows, T>(ref T row, int rowsLeft, Vector512<float> v0, Vector512<float> v1, Vector512<float> v2, Vector512<float> v3,
        out Vector256<float> d0, out Vector256<float> d1, out Vector256<float> d2, out Vector256<float> d3,
        out Vector256<float> d4, out Vector256<float> d5, out Vector256<float> d6, out Vector256<float> d7)
        where TRows : struct, IRows64<T>
        where T : unmanaged
    {
        var stride = TRows.Stride;
        var last = rowsLeft - 1;
        Dots4<TRows, T>(ref row, rowsLeft, v0, v1, v2, v3, out d0, out d1, out d2, out d3);
        d4 = Dot64<TRows, T>(ref Unsafe.Add(ref row, Math.Min(4, last) * stride), v0, v1, v2, v3);
        d5 = Dot64<TRows, T>(ref Unsafe.Add(ref row, Math.Min(5, last) * stride), v0, v1, v2, v3);
        d6 = Dot64<TRows, T>(ref Unsafe.Add(ref row, Math.Min(6, last) * stride), v0, v1, v2, v3);
        d7 = Dot64<TRows, T>(ref Unsafe.Add(ref row, Math.Min(7, last) * stride), v0, v1, v2, v3);
    }

    // Dots8 for at most four rows: the dots of the first four lanes, the last row repeated past rowsLeft.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Dots4<TRows, T>(ref T row, int rowsLeft, Vector512<float> v0, Vector512<float> v1, Vector512<float> v2, Vector512<float> v3,
        out Vector256<float> d0, out Vector256<float> d1, out Vector256<float> d2, out Vector256<float> d3)
        where TRows : struct, IRows64<T>
        where T : unmanaged
    {
        var stride = TRows.Stride;
        var last = rowsLeft - 1;
        d0 = Dot64<TRows, T>(ref row, v0, v1, v2, v3);
        d1 = Dot64<TRows, T>(ref Unsafe.Add(ref row, Math.Min(1, last) * stride), v0, v1, v2, v3);
        d2 = Dot64<TRows, T>(ref Unsafe.Add(ref row, Math.Min(2, last) * stride), v0, v1, v2, v3);
        d3 = Dot64<TRows, T>(ref Unsafe.Add(ref row, Math.Min(3, last) * stride), v0, v1, v2, v3);
    }

    // One row against v0..v3: Dot8Wide's chain for that row (f = 0, 16, 32, 48 in order, one FMA each from zero), its
    // halves added.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Dot64<TRows, T>(ref T row, Vector512<float> v0, Vector512<float> v1, Vector512<float> v2, Vector512<float> v3)
        where TRows : struct, IRows64<T>
        where T : unmanaged
    {
        var y = TRows.Read(ref row);
        var a = Avx512F.FusedMultiplyAdd(y.F0, v0, Vector512<float>.Zero);
        a = Avx512F.FusedMultiplyAdd(y.F1, v1, a);
        a = Avx512F.FusedMultiplyAdd(y.F2, v2, a);
        a = Avx512F.FusedMultiplyAdd(y.F3, v3, a);
        return a.GetLower() + a.GetUpper();
    }

    // AccumulateWide at d = 64 (four 512-bit accumulators) over rows read by TRows: the same terms in the same order.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AccumulateRows64<TRows, T>(ref T y0, ReadOnlySpan<int> rows, ReadOnlySpan<float> weights, ref float o)
        where TRows : struct, IRows64<T>
        where T : unmanaged
    {
        var stride = TRows.Stride;
        var a0 = Vector512.LoadUnsafe(ref o); var a1 = Vector512.LoadUnsafe(ref o, 16);
        var a2 = Vector512.LoadUnsafe(ref o, 32); var a3 = Vector512.LoadUnsafe(ref o, 48);
        for (var k = 0; k < rows.Length; k++)
        {
            var w = Vector512.Create(weights[k]);
            var y = TRows.Read(ref Unsafe.Add(ref y0, (nint)rows[k] * stride));
            a0 = Avx512F.FusedMultiplyAdd(y.F0, w, a0);
            a1 = Avx512F.FusedMultiplyAdd(y.F1, w, a1);
            a2 = Avx512F.FusedMultiplyAdd(y.F2, w, a2);
            a3 = Avx512F.FusedMultiplyAdd(y.F3, w, a3);
        }
        a0.StoreUnsafe(ref o); a1.StoreUnsafe(ref o, 16);
        a2.StoreUnsafe(ref o, 32); a3.StoreUnsafe(ref o, 48);
    }
}
