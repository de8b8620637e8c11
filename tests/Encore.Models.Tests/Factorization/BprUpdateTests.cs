using Encore.Core.Randomness;
using Encore.Models.Factorization.Bpr;

namespace Encore.Models.Tests.Factorization;

public sealed class BprUpdateTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(9)]
    [InlineData(64)]
    public void Apply_VectorLanes_EqualScalarFormulaExactly(int d)
    {
        var (u, i, j) = Vectors(d);
        float[] eu = [.. u], ei = [.. i], ej = [.. j];
        const float z = 0.3f, lr = 0.05f, reg = 0.01f;
        // The scalar formula, one entry at a time: a = 1 - lr reg, b = lr z, each update one multiply and one FMA.
        var a = 1f - lr * reg;
        var b = lr * z;
        for (var f = 0; f < d; f++)
        {
            var uf = eu[f];
            var diff = ei[f] - ej[f];
            eu[f] = MathF.FusedMultiplyAdd(b, diff, a * uf);
            ei[f] = MathF.FusedMultiplyAdd(b, uf, a * ei[f]);
            ej[f] = MathF.FusedMultiplyAdd(-b, uf, a * ej[f]);
        }
        ei[d] = MathF.FusedMultiplyAdd(a, ei[d], b);
        ej[d] = MathF.FusedMultiplyAdd(a, ej[d], -b);

        BprUpdate.Apply(u, i, j, d, z, lr, reg);

        Assert.Equal(eu, u);
        Assert.Equal(ei, i);
        Assert.Equal(ej, j);
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(9, 2)]
    [InlineData(64, 3)]
    [InlineData(65, 4)]
    public void Apply_RandomInputs_IsCloseToTheTextbookStep(int d, int seed)
    {
        // The FMA rearrangement is the same step as Rendle's lr (z (i - j) - reg u) etc. up to float rounding.
        var rng = new Rng((ulong)seed);
        var u = new float[d + 1];
        var i = new float[d + 1];
        var j = new float[d + 1];
        for (var f = 0; f <= d; f++)
        {
            u[f] = 2 * rng.NextFloat() - 1;
            i[f] = 2 * rng.NextFloat() - 1;
            j[f] = 2 * rng.NextFloat() - 1;
        }
        u[d] = 1f;
        double z = rng.NextFloat(), lr = 0.05, reg = 0.02;
        var eu = new double[d + 1];
        var ei = new double[d + 1];
        var ej = new double[d + 1];
        for (var f = 0; f < d; f++)
        {
            eu[f] = u[f] + lr * (z * (i[f] - j[f]) - reg * u[f]);
            ei[f] = i[f] + lr * (z * u[f] - reg * i[f]);
            ej[f] = j[f] + lr * (-z * u[f] - reg * j[f]);
        }
        ei[d] = i[d] + lr * (z - reg * i[d]);
        ej[d] = j[d] + lr * (-z - reg * j[d]);

        BprUpdate.Apply(u, i, j, d, (float)z, (float)lr, (float)reg);

        for (var f = 0; f < d; f++) Assert.Equal(eu[f], u[f], 1e-6);
        for (var f = 0; f <= d; f++)
        {
            Assert.Equal(ei[f], i[f], 1e-6);
            Assert.Equal(ej[f], j[f], 1e-6);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(17)]
    [InlineData(65)]
    public void Score_VectorLanes_EqualScalarFmaChainInLaneOrder(int n)
    {
        var rng = new Rng((ulong)n);
        var u = new float[n];
        var i = new float[n];
        var j = new float[n];
        for (var f = 0; f < n; f++)
        {
            u[f] = rng.NextFloat() - 0.5f;
            i[f] = rng.NextFloat() - 0.5f;
            j[f] = rng.NextFloat() - 0.5f;
        }
        // Eight lane accumulators over the whole blocks of 8, summed, then the tail chained with FMA.
        var blocks = System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? n / 8 * 8 : 0;
        var lanes = new float[8];
        for (var f = 0; f < blocks; f++) lanes[f % 8] = MathF.FusedMultiplyAdd(u[f], i[f] - j[f], lanes[f % 8]);
        var expected = 0f;
        if (blocks > 0) expected = System.Runtime.Intrinsics.Vector256.Sum(System.Runtime.Intrinsics.Vector256.Create(lanes));
        for (var f = blocks; f < n; f++) expected = MathF.FusedMultiplyAdd(u[f], i[f] - j[f], expected);

        Assert.Equal(expected, BprUpdate.Score(u, i, j));
    }

    [Fact]
    public void Score_NineEntries_EqualsDotOfDifference()
    {
        var (u, i, j) = Vectors(8);
        double expected = 0;
        for (var f = 0; f < 9; f++) expected += (double)u[f] * (i[f] - j[f]);
        Assert.Equal(expected, BprUpdate.Score(u, i, j), 5);
    }

    private static (float[] U, float[] I, float[] J) Vectors(int d)
    {
        var rng = new Rng(4);
        var u = new float[d + 1];
        var i = new float[d + 1];
        var j = new float[d + 1];
        for (var f = 0; f <= d; f++)
        {
            u[f] = rng.NextFloat() - 0.5f;
            i[f] = rng.NextFloat() - 0.5f;
            j[f] = rng.NextFloat() - 0.5f;
        }
        u[d] = 1f;
        return (u, i, j);
    }
}
