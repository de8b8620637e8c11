using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Tests.Factorization;

/// <summary>
/// The buffers the block CG reads row by row start on cache lines, so a 128-byte bfloat16 row spans two lines (three from
/// a plain array, whose data sits 16 bytes into an 8-byte-aligned object) and no 512-bit load straddles one.
/// </summary>
public sealed class KernelBufferAlignmentTests
{
    [Fact]
    public void BlockScratch_EveryFloatBufferStartsOnACacheLine()
    {
        var scratch = new BlockScratch(64, gather: true);
        scratch.EnsureLongRows(5_000);

        Assert.Equal(0, Address(scratch.R) % 64);
        Assert.Equal(0, Address(scratch.P) % 64);
        Assert.Equal(0, Address(scratch.Ap) % 64);
        Assert.Equal(0, Address(scratch.Gathered!.Span) % 64);
        Assert.Equal(0, Address(scratch.LongRows.Span) % 64);
        Assert.True(scratch.LongRows.Length >= 5_000 * 64);
    }

    [Fact]
    public void HalfFactorCopy_RowsStartOn128ByteBoundaries()
    {
        var copy = new HalfFactorCopy();
        var factors = Enumerable.Range(0, 64 * 100).Select(i => i * 0.001f).ToArray();
        copy.RefreshBFloat16(factors, threads: 2, CancellationToken.None);

        Assert.Equal(0, Address(copy.Bits) % 128);
        Assert.True(copy.Bits.Length >= factors.Length);
    }

    [Fact]
    public void GramBuffers_BlockGramStartsOnACacheLine()
    {
        Assert.Equal(0, Address(new GramBuffers(64).BlockGram.Span) % 64);
    }

    private static unsafe long Address<T>(ReadOnlySpan<T> span) where T : unmanaged =>
        (long)Unsafe.AsPointer(ref MemoryMarshal.GetReference(span));
}
