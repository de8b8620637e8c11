using Encore.Core.Randomness;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Tests.Factorization;

/// <summary><see cref="HalfRows"/> and <see cref="HalfFactorCopy"/> against .NET's own <see cref="Half"/> conversions.</summary>
public sealed class HalfRowsTests
{
    [Fact]
    public void Widen_EveryFiniteHalf_EqualsTheHalfAsFloat()
    {
        if (!HalfRows.Supported(8)) return; // no AVX2: the gathers read floats
        // All 63,488 finite bit patterns (exponent 31, infinities and NaNs, left out), subnormals and -0 included.
        var bits = Enumerable.Range(0, 1 << 16).Select(b => (ushort)b).Where(b => (b & 0x7c00) != 0x7c00).ToArray();
        var widened = new float[bits.Length];

        for (var at = 0; at < bits.Length; at += 8) HalfRows.Widen(ref bits[at], ref widened[at], 8);

        for (var i = 0; i < bits.Length; i++)
            Assert.Equal(BitConverter.SingleToInt32Bits(HalfRows.WidenReference(bits[i])), BitConverter.SingleToInt32Bits(widened[i]));
    }

    [Fact]
    public void Narrow_RoundsEachFloatToTheNearestHalf()
    {
        var rng = new Rng(11);
        var source = new float[1000];
        for (var i = 0; i < source.Length; i++) source[i] = (rng.NextFloat() - 0.5f) * MathF.Pow(10, (i % 12) - 7);
        source[0] = 65504f;
        source[1] = -1e-8f; // below the smallest subnormal half: -0
        var bits = new ushort[source.Length];

        Assert.True(HalfRows.Narrow(source, bits));

        for (var i = 0; i < source.Length; i++) Assert.Equal(BitConverter.HalfToUInt16Bits((Half)source[i]), bits[i]);
    }

    [Theory]
    [InlineData(65520f)] // rounds to infinity
    [InlineData(-1e6f)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NaN)]
    public void Narrow_ValueBeyondTheHalfRange_ReturnsFalse(float value)
    {
        var source = new float[] { 0.5f, value, 1f };
        Assert.False(HalfRows.Narrow(source, new ushort[3]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Refresh_AnyThreadCount_GivesTheElementwiseHalves(int threads)
    {
        var rng = new Rng(4);
        var factors = new float[(1 << 16) * 2 + 77]; // three conversion chunks, the last one partial
        for (var i = 0; i < factors.Length; i++) factors[i] = rng.NextFloat() - 0.5f;
        var sut = new HalfFactorCopy();

        Assert.True(sut.Refresh(factors, threads, CancellationToken.None));

        var bits = sut.Bits;
        Assert.True(bits.Length >= factors.Length);
        for (var i = 0; i < factors.Length; i++) Assert.Equal(BitConverter.HalfToUInt16Bits((Half)factors[i]), bits[i]);
        factors[^1] = 1e5f;
        Assert.False(sut.Refresh(factors, threads, CancellationToken.None));
    }
}
