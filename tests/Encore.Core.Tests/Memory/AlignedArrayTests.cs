using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Encore.Core.Memory;

namespace Encore.Core.Tests.Memory;

public sealed class AlignedArrayTests
{
    [Theory]
    [InlineData(1, 64)]
    [InlineData(1_000, 64)]
    [InlineData(4_097, 128)]
    [InlineData(3, 4)]
    public void Span_StartsOnTheAlignmentAndHoldsLengthZeroedElements(int length, int alignment)
    {
        for (var trial = 0; trial < 8; trial++)
        {
            var array = new AlignedArray<float>(length, alignment);

            Assert.Equal(length, array.Span.Length);
            Assert.Equal(alignment, array.Alignment);
            Assert.Equal(0, Address(array.Span) % alignment);
            Assert.True(array.Span.ToArray().All(x => x == 0f));
        }
    }

    [Fact]
    public void Span_OfAHugePageArray_IsAlignedAndWritable()
    {
        // 12 MiB of 16-bit values: large enough to be advised for huge pages (contents uninitialised until written).
        var array = new AlignedArray<ushort>(6 << 20, 128, hugePages: true);
        array.Span.Fill(7);

        Assert.Equal(0, Address(array.Span) % 128);
        Assert.Equal(7, array.Span[^1]);
    }

    [Fact]
    public void Empty_HasAnEmptySpan()
    {
        Assert.Equal(0, new AlignedArray<int>(0).Span.Length);
    }

    [Theory]
    [InlineData(48)]
    [InlineData(2)]
    [InlineData(0)]
    public void Constructor_AlignmentNotAPowerOfTwoOfAtLeastTheElementSize_Throws(int alignment)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AlignedArray<float>(10, alignment));
    }

    [Fact]
    public void Constructor_NegativeLength_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AlignedArray<float>(-1));
    }

    private static unsafe long Address<T>(Span<T> span) where T : unmanaged =>
        (long)Unsafe.AsPointer(ref MemoryMarshal.GetReference(span));
}
