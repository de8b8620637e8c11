using Encore.Core.Randomness;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Tests.Factorization;

public sealed class GramTests
{
    [Theory]
    [InlineData(64, 1000)]
    [InlineData(32, 70)]
    [InlineData(128, 15)]
    [InlineData(12, 40)]
    [InlineData(64, 3)]
    public void Compute_MatchesDoublePrecisionSumOfOuterProducts(int d, int rows)
    {
        var factors = Factors(rows, d, seed: d + rows);
        var gram = Gram.Compute(factors, rows, d, threads: 2);
        for (var a = 0; a < d; a++)
            for (var b = 0; b < d; b++)
            {
                double expected = 0;
                for (var r = 0; r < rows; r++) expected += (double)factors[r * d + a] * factors[r * d + b];
                Assert.True(Math.Abs(expected - gram[a * d + b]) <= 1e-4 * (1 + Math.Abs(expected)), $"G[{a},{b}] = {gram[a * d + b]}, expected {expected}");
            }
    }

    [Fact]
    public void Compute_IsSymmetricAndIndependentOfThreadCount()
    {
        const int d = 64, rows = 3001;
        var factors = Factors(rows, d, seed: 7);
        var one = Gram.Compute(factors, rows, d, threads: 1);
        var buffers = new GramBuffers(d);
        var two = Gram.Compute(factors, rows, d, threads: 2, buffers);
        Assert.Equal(one, two);
        Assert.Same(buffers.Result, two);
        for (var a = 0; a < d; a++)
            for (var b = 0; b < d; b++) Assert.Equal(two[a * d + b], two[b * d + a]);
    }

    [Fact]
    public void Compute_ReusedBuffers_GiveTheSameResultAgain()
    {
        const int d = 32, rows = 500;
        var factors = Factors(rows, d, seed: 3);
        var buffers = new GramBuffers(d);
        var first = (float[])Gram.Compute(factors, rows, d, 2, buffers).Clone();
        var second = Gram.Compute(factors, rows, d, 2, buffers);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Compute_WrongBufferSize_Throws()
    {
        var factors = Factors(10, 16, seed: 1);
        Assert.Throws<ArgumentException>(() => Gram.Compute(factors, 10, 16, 1, new GramBuffers(32)));
    }

    private static float[] Factors(int rows, int d, int seed)
    {
        var rng = new Rng((ulong)seed);
        var factors = new float[rows * d];
        for (var i = 0; i < factors.Length; i++) factors[i] = rng.NextFloat() * 2 - 1;
        return factors;
    }
}
