using System.Runtime.InteropServices;
using Encore.Core.Randomness;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Tests.Factorization;

/// <summary>
/// <see cref="SparseRowTerms"/> (eight dots at a time, then the weighted sum in registers) against a one-pass loop written
/// from the definition (one <see cref="SparseRowTerms.DotReference"/> and one axpy per nonzero): bit for bit.
/// </summary>
public sealed class SparseRowTermsTests
{
    [Theory]
    [InlineData(8, 5, false)]
    [InlineData(64, 40, false)]
    [InlineData(64, 300, true)]
    [InlineData(72, 129, false)]
    [InlineData(128, 17, true)]
    [InlineData(24, 0, true)]
    [InlineData(64, 8, false)]
    [InlineData(64, 7, true)]
    [InlineData(16, 135, true)]
    [InlineData(64, 1, true)]
    [InlineData(64, 1, false)]
    [InlineData(64, 2, false)]
    [InlineData(64, 3, true)]
    [InlineData(8, 3, false)]
    [InlineData(128, 4, false)]
    public void Add_EqualsOneDotOneAxpyPerNonzero_BitForBit(int d, int nonZeros, bool residual)
    {
        if (!RowProduct.Accelerated) return; // the vector path only
        var rng = new Rng((ulong)(d + nonZeros));
        const int items = 400;
        var factors = new float[items * d];
        for (var i = 0; i < factors.Length; i++) factors[i] = rng.NextFloat() - 0.5f;
        var indices = new int[nonZeros];
        var values = new float[nonZeros];
        for (var k = 0; k < nonZeros; k++)
        {
            indices[k] = rng.NextInt(items);
            // value 0: c = 1, a term the product leaves out; only in the first half, so the second half's groups of
            // eight take the all-vector weights.
            values[k] = k % 5 == 0 && k < nonZeros / 2 ? 0f : 1 + rng.NextInt(9);
        }
        var v = new float[d];
        for (var f = 0; f < d; f++) v[f] = rng.NextFloat() - 0.5f;
        var expected = new float[d];
        for (var f = 0; f < d; f++) expected[f] = rng.NextFloat();
        var actual = (float[])expected.Clone();
        const float alpha = 0.7f;

        ref var o = ref MemoryMarshal.GetArrayDataReference(expected);
        for (var k = 0; k < nonZeros; k++)
        {
            var c = 1f + alpha * MathF.Abs(values[k]);
            if (!residual && c - 1f == 0) continue;
            ref var y = ref factors[indices[k] * d];
            var dot = SparseRowTerms.DotReference(factors.AsSpan(indices[k] * d, d), v);
            RowProduct.AddScaled(ref y, residual ? c * (values[k] > 0 ? 1f : 0f) - (c - 1f) * dot : (c - 1f) * dot, ref o, d);
        }
        SparseRowTerms.Add(factors, d, indices, values, alpha, v, actual, residual);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(64, 8, false)]
    [InlineData(64, 40, false)]
    [InlineData(64, 40, true)]
    [InlineData(64, 129, false)]
    [InlineData(64, 300, true)]
    [InlineData(64, 7, true)]
    [InlineData(64, 10, true)]
    [InlineData(64, 12, false)]
    [InlineData(64, 13, false)]
    [InlineData(16, 135, true)]
    [InlineData(128, 17, false)]
    public void AddContiguous_EqualsAddOnTheSameRows_BitForBit(int d, int nonZeros, bool residual)
    {
        // d = 64 takes the fixed-offset kernel on the 512-bit path (full groups, a short last group of up to four rows
        // and of five to seven, chunks of 128, the product's c = 1 terms left out), the other widths and the 256-bit path
        // Add itself.
        if (!RowProduct.Accelerated) return;
        AssertAddContiguousEqualsAdd(d, nonZeros, residual, (ulong)(7 * d + nonZeros), k => k % 5 == 0 && k < nonZeros / 2);
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(13, false)]
    [InlineData(13, true)]
    [InlineData(135, false)]
    [InlineData(7, false)]
    public void AddContiguous_ShortLastGroupWithZeroValues_EqualsAdd_BitForBit(int nonZeros, bool residual)
    {
        // The fixed-offset kernel weighs a short last group as one vector (KeepShort); zero values there (c = 1, which the
        // product leaves out) must take KeepEach's path, and the lanes past the group must never be kept.
        if (!RowProduct.Accelerated) return;
        AssertAddContiguousEqualsAdd(64, nonZeros, residual, (ulong)(31 * nonZeros + (residual ? 1 : 0)), k => k == nonZeros - 2);
    }

    // Random rows, v and output, values 1-9 except zero where zero(k): AddContiguous must give Add's bits.
    private static void AssertAddContiguousEqualsAdd(int d, int nonZeros, bool residual, ulong seed, Func<int, bool> zero)
    {
        var rng = new Rng(seed);
        var rows = new float[nonZeros * d];
        for (var i = 0; i < rows.Length; i++) rows[i] = rng.NextFloat() - 0.5f;
        var identity = Enumerable.Range(0, nonZeros + 5).ToArray();
        var values = new float[nonZeros];
        for (var k = 0; k < nonZeros; k++) values[k] = zero(k) ? 0f : 1 + rng.NextInt(9);
        var v = new float[d];
        for (var f = 0; f < d; f++) v[f] = rng.NextFloat() - 0.5f;
        var expected = new float[d];
        for (var f = 0; f < d; f++) expected[f] = rng.NextFloat();
        var actual = (float[])expected.Clone();

        SparseRowTerms.Add(rows, d, identity.AsSpan(0, nonZeros), values, 0.7f, v, expected, residual);
        SparseRowTerms.AddContiguous(rows, d, identity, values, 0.7f, v, actual, residual);

        Assert.Equal(expected, actual);
        Assert.Throws<ArgumentException>(() => SparseRowTerms.AddContiguous(rows.AsSpan(d), d, identity, values, 0.7f, v, actual, residual));
    }

    [Theory]
    [InlineData(8, false)]
    [InlineData(40, false)]
    [InlineData(40, true)]
    [InlineData(129, false)]
    [InlineData(300, true)]
    [InlineData(7, true)]
    [InlineData(1, false)]
    [InlineData(3, true)]
    [InlineData(256, false)]
    public void AddPaired_EqualsAddContiguousOnTheWidenedRows_BitForBit(int nonZeros, bool residual)
    {
        // Full groups, short last groups and rows below eight nonzeros, chunks of 128, the product's c = 1 terms left out:
        // each against the float kernel on the rows BFloat16Rows.Widen gives.
        const int d = 64;
        if (!SparseRowTerms.PairedSupported(d)) return;
        var rng = new Rng((ulong)(11 * nonZeros + (residual ? 1 : 0)));
        var source = new float[nonZeros * d];
        for (var i = 0; i < source.Length; i++) source[i] = rng.NextFloat() - 0.5f;
        var words = new uint[nonZeros * d / 2];
        BFloat16Rows.Narrow(source, words);
        var rows = new float[nonZeros * d];
        for (var k = 0; k < nonZeros; k++)
            BFloat16Rows.Widen(ref words[k * d / 2], ref rows[k * d], d, wide: true);
        var identity = Enumerable.Range(0, nonZeros + 5).ToArray();
        var values = new float[nonZeros];
        for (var k = 0; k < nonZeros; k++) values[k] = k % 5 == 0 && k < nonZeros / 2 ? 0f : 1 + rng.NextInt(9);
        var v = new float[d];
        for (var f = 0; f < d; f++) v[f] = rng.NextFloat() - 0.5f;
        var expected = new float[d];
        for (var f = 0; f < d; f++) expected[f] = rng.NextFloat();
        var actual = (float[])expected.Clone();

        SparseRowTerms.AddContiguous(rows, d, identity, values, 0.7f, v, expected, residual);
        SparseRowTerms.AddPaired(words, identity, values, 0.7f, v, actual, residual);

        Assert.Equal(expected, actual);
        Assert.Throws<ArgumentException>(() => SparseRowTerms.AddPaired(words.AsSpan(d / 2), identity, values, 0.7f, v, actual, residual));
    }
    [Fact]
    public void DotReference_SmallIntegers_EqualsTheExactDot()
    {
        var y = Enumerable.Range(0, 24).Select(i => (float)(i % 7 - 3)).ToArray();
        var v = Enumerable.Range(0, 24).Select(i => (float)(i % 5 - 2)).ToArray();
        var exact = 0;
        for (var f = 0; f < 24; f++) exact += (f % 7 - 3) * (f % 5 - 2);

        Assert.Equal(exact, SparseRowTerms.DotReference(y, v));
    }

    [Fact]
    public void DotReference_PairsTheLaneSumsAsDocumented()
    {
        // Lane sums 1, 2^-24, 2^-24, 2^-24, 0, ...: (1 + 2^-24) rounds to 1 (tie to even), (2^-24 + 2^-24) = 2^-23 is
        // exact, and 1 + 2^-23 is a float. A left-to-right sum over the lanes would lose all three small terms: 1.
        var y = new float[8];
        y[0] = 1f;
        y[1] = y[2] = y[3] = MathF.Pow(2, -24);
        var v = Enumerable.Repeat(1f, 8).ToArray();

        Assert.Equal(1f + MathF.Pow(2, -23), SparseRowTerms.DotReference(y, v));
    }
}
