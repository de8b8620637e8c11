using System.Runtime.InteropServices;
using Encore.Core.Randomness;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Tests.Factorization;

/// <summary><see cref="SparseRowTerms"/> (two passes, registers) against the one-pass loop it replaced: bit for bit.</summary>
public sealed class SparseRowTermsTests
{
    [Theory]
    [InlineData(8, 5, false)]
    [InlineData(64, 40, false)]
    [InlineData(64, 300, true)]
    [InlineData(72, 129, false)]
    [InlineData(128, 17, true)]
    [InlineData(24, 0, true)]
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
            values[k] = k % 5 == 0 ? 0f : 1 + rng.NextInt(9); // value 0: c = 1, a term the product leaves out
        }
        var v = new float[d];
        for (var f = 0; f < d; f++) v[f] = rng.NextFloat() - 0.5f;
        var expected = new float[d];
        for (var f = 0; f < d; f++) expected[f] = rng.NextFloat();
        var actual = (float[])expected.Clone();
        const float alpha = 0.7f;

        ref var o = ref MemoryMarshal.GetArrayDataReference(expected);
        ref var vr = ref MemoryMarshal.GetArrayDataReference(v);
        for (var k = 0; k < nonZeros; k++)
        {
            var c = 1f + alpha * MathF.Abs(values[k]);
            if (!residual && c - 1f == 0) continue;
            ref var y = ref factors[indices[k] * d];
            var dot = RowProduct.Dot(ref y, ref vr, d);
            RowProduct.AddScaled(ref y, residual ? c * (values[k] > 0 ? 1f : 0f) - (c - 1f) * dot : (c - 1f) * dot, ref o, d);
        }
        SparseRowTerms.Add(factors, d, indices, values, alpha, v, actual, residual);

        Assert.Equal(expected, actual);
    }
}
