using Encore.Core.Memory;
using Encore.Core.Parallelism;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// A half-precision copy of one factor matrix (<see cref="HalfRows"/>), the source of the block CG's gathers under
/// <see cref="Als.GatherPrecision.Half"/>: half the bytes of the float rows, so half the random reads. One buffer serves
/// both sides of an ALS fit (it grows to the larger side on first use); <see cref="Refresh"/> overwrites it from the
/// factors the next half-step holds fixed. The buffer is pinned and advised for huge pages (<see cref="HugePages"/>): the
/// gathers read its rows at random, and at the 360k shape it spans 46 MB.
/// </summary>
internal sealed class HalfFactorCopy
{
    // Conversion chunk: 64 Ki floats (256 KiB read, 128 KiB written) per task.
    private const int Chunk = 1 << 16;

    // Rows start on 128-byte boundaries: a row of 64 16-bit values is then exactly two cache lines (three from a plain array).
    private const int RowAlignment = 128;

    private AlignedArray<ushort> _bits = new(0, RowAlignment);

    /// <summary>
    /// Raw half bits of the factors last given to a successful <see cref="Refresh"/>, same row-major layout, starting on a
    /// 128-byte boundary (<see cref="AlignedArray{T}"/>).
    /// </summary>
    public ReadOnlySpan<ushort> Bits => _bits.Span;

    /// <summary>
    /// Makes room for <paramref name="length"/> values at once, so that a fit whose two sides differ in size allocates
    /// the copy once (growing it on the second side would leave the first buffer as garbage: +20 MiB of peak RSS at the
    /// 360k shape).
    /// </summary>
    public void Reserve(int length)
    {
        if (_bits.Length < length) _bits = new AlignedArray<ushort>(length, RowAlignment, hugePages: true);
    }

    /// <summary>
    /// Narrows <paramref name="factors"/> (any length) into the copy, in parallel chunks (elementwise, so the result does not
    /// depend on <paramref name="threads"/>). False when some factor is too large for a half (|x| &gt; 65504): the caller
    /// then reads the floats for this half-step.
    /// </summary>
    public bool Refresh(float[] factors, int threads, CancellationToken cancellationToken)
    {
        Reserve(factors.Length);
        var bits = _bits;
        var chunks = (factors.Length + Chunk - 1) / Chunk;
        var fits = 1;
        ParallelLoop.For(chunks, threads, (start, end) =>
        {
            for (var c = start; c < end; c++)
            {
                var from = c * Chunk;
                var length = Math.Min(Chunk, factors.Length - from);
                if (!HalfRows.Narrow(factors.AsSpan(from, length), bits.Span.Slice(from, length))) Volatile.Write(ref fits, 0);
            }
        }, cancellationToken);
        return fits == 1;
    }

    /// <summary>
    /// Rounds <paramref name="factors"/> (a multiple of <see cref="BFloat16Rows.Run"/> floats) into the copy as paired bfloat16
    /// words (<see cref="BFloat16Rows.Narrow"/>; <see cref="Bits"/> then holds them, two 16-bit halves per word), in parallel
    /// chunks. Every finite float has a bfloat16 of the same range, so this never refuses.
    /// </summary>
    public void RefreshBFloat16(float[] factors, int threads, CancellationToken cancellationToken)
    {
        Reserve(factors.Length);
        var bits = _bits;
        var chunks = (factors.Length + Chunk - 1) / Chunk;
        ParallelLoop.For(chunks, threads, (start, end) =>
        {
            for (var c = start; c < end; c++)
            {
                var from = c * Chunk;
                var length = Math.Min(Chunk, factors.Length - from);
                BFloat16Rows.Narrow(factors.AsSpan(from, length), System.Runtime.InteropServices.MemoryMarshal.Cast<ushort, uint>(bits.Span.Slice(from, length)));
            }
        }, cancellationToken);
    }
}
