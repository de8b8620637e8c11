using Encore.Core.Randomness;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Tests.Factorization;

/// <summary>
/// <see cref="BFloat16Rows"/> and <see cref="HalfFactorCopy.RefreshBFloat16"/>: rounding to the nearest bfloat16 (ties to
/// even) against a reference that compares the two neighbouring bfloat16 values in double precision, the paired layout
/// against <see cref="BFloat16Rows.At"/>, and widening on both register widths.
/// </summary>
public sealed class BFloat16RowsTests
{
    [Fact]
    public void Round_PicksTheNearerNeighbour_TiesToEven()
    {
        var rng = new Rng(5);
        var samples = new List<float> { 0f, -0f, 1f, -1f, 1e-40f, -3e-39f, 3e38f, float.Epsilon };
        // Exact ties: a float halfway between two bfloat16 values (low 16 bits 0x8000), with an even and an odd upper part.
        samples.Add(BitConverter.UInt32BitsToSingle(0x3F808000u));
        samples.Add(BitConverter.UInt32BitsToSingle(0x3F818000u));
        samples.Add(BitConverter.UInt32BitsToSingle(0xBF818000u));
        for (var i = 0; i < 2000; i++) samples.Add((rng.NextFloat() - 0.5f) * MathF.Pow(10, (i % 20) - 10));

        foreach (var x in samples)
        {
            var u = BitConverter.SingleToUInt32Bits(x);
            var down = (ushort)(u >> 16);
            var up = (ushort)(down + 1);
            double dDown = Math.Abs((double)x - BFloat16Rows.WidenReference(down)), dUp = Math.Abs((double)x - BFloat16Rows.WidenReference(up));
            var expected = dDown < dUp ? down : dUp < dDown ? up : (down & 1) == 0 ? down : up;
            Assert.Equal(expected, BFloat16Rows.Round(x));
        }
    }

    [Theory]
    [InlineData(32)]
    [InlineData(64)]
    [InlineData(96)]
    public void NarrowThenWiden_GivesEachFloatRounded_OnBothWidths(int d)
    {
        if (!BFloat16Rows.Supported(d)) return;
        var rng = new Rng((ulong)d);
        const int rows = 5;
        var source = new float[rows * d];
        for (var i = 0; i < source.Length; i++) source[i] = (rng.NextFloat() - 0.5f) * MathF.Pow(10, (i % 9) - 4);
        var words = new uint[source.Length / 2];

        BFloat16Rows.Narrow(source, words);

        for (var r = 0; r < rows; r++)
            for (var f = 0; f < d; f++)
                Assert.Equal(BFloat16Rows.Rounded(source[r * d + f]), BFloat16Rows.At(words.AsSpan(r * d / 2, d / 2), f));
        foreach (var wide in VectorWidth.Hardware ? new[] { false, true } : [false])
        {
            var widened = new float[source.Length];
            for (var r = 0; r < rows; r++) BFloat16Rows.Widen(ref words[r * d / 2], ref widened[r * d], d, wide);
            Assert.Equal(source.Select(BFloat16Rows.Rounded).ToArray(), widened);
        }
    }

    [Fact]
    public void Narrow_RejectsALengthThatIsNotWholeRuns()
    {
        Assert.Throws<ArgumentException>(() => BFloat16Rows.Narrow(new float[48], new uint[24]));
        Assert.Throws<ArgumentException>(() => BFloat16Rows.Narrow(new float[64], new uint[31]));
    }

    [Fact]
    public void RefreshBFloat16_InParallelChunks_EqualsOneNarrow()
    {
        var rng = new Rng(3);
        var factors = new float[(1 << 17) + 64 * 3];
        for (var i = 0; i < factors.Length; i++) factors[i] = rng.NextFloat() * 4 - 2;
        var expected = new uint[factors.Length / 2];
        BFloat16Rows.Narrow(factors, expected);
        var copy = new HalfFactorCopy();

        copy.RefreshBFloat16(factors, threads: 2, CancellationToken.None);

        Assert.Equal(expected, System.Runtime.InteropServices.MemoryMarshal.Cast<ushort, uint>(copy.Bits[..factors.Length]).ToArray());
    }
}
