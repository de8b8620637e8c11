using Encore.Core.Randomness;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Tests.Factorization;

public sealed class ScoreKernelTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(7, 40)]
    [InlineData(64, 33)]
    [InlineData(16, 150)] // two 64-item steps of One, then two 16-item steps
    public void Kernels_MatchScalarReferenceBitForBit(int d, int items)
    {
        var rng = new Rng(3);
        var itemFactors = new float[items * d];
        var users = new float[4 * d];
        for (var i = 0; i < itemFactors.Length; i++) itemFactors[i] = rng.NextFloat() - 0.5f;
        for (var i = 0; i < users.Length; i++) users[i] = rng.NextFloat() - 0.5f;
        var t = FactorMajor(itemFactors, items, d);
        var expected = new float[4 * t.Stride];
        ScoreKernel.Reference(users, 4, d, t.Data, t.Stride, 0, t.Stride, expected, t.Stride);
        var four = new float[4 * t.Stride];
        ScoreKernel.Four(users, d, t.Data, t.Stride, 0, t.Stride, four, t.Stride);
        var one = new float[t.Stride];
        ScoreKernel.One(users.AsSpan(d, d), d, t.Data, t.Stride, 0, t.Stride, one);
        Assert.Equal(expected, four);
        Assert.Equal(expected.AsSpan(t.Stride, t.Stride).ToArray(), one);
    }

    // Factor-major copy (d rows of Stride columns, zero padded to a multiple of ScoreKernel.Step): the layout the kernels stream.
    private static (float[] Data, int Stride) FactorMajor(float[] rowMajor, int rows, int d)
    {
        var stride = (rows + ScoreKernel.Step - 1) / ScoreKernel.Step * ScoreKernel.Step;
        var data = new float[stride * d];
        for (var r = 0; r < rows; r++)
            for (var f = 0; f < d; f++) data[f * stride + r] = rowMajor[r * d + f];
        return (data, stride);
    }

    [Fact]
    public void DenseCholesky_SolvesKnownSystem()
    {
        float[] a = [4, 2, 2, 3];
        float[] b = [2, 1];
        Assert.True(DenseCholesky.Factor(a, 2));
        DenseCholesky.Solve(a, 2, b);
        Assert.Equal(0.5f, b[0], 5);
        Assert.Equal(0f, b[1], 5);
    }
}
