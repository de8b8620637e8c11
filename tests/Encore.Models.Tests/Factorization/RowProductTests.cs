using Encore.Core.Randomness;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Tests.Factorization;

public sealed class RowProductTests
{
    [Theory]
    [InlineData(8, 3)]
    [InlineData(40, 17)]
    [InlineData(64, 50)]
    [InlineData(128, 9)]
    [InlineData(7, 5)]
    public void Multiply_VectorKernel_MatchesScalarReference(int d, int nonZeros)
    {
        var (gram, factors, indices, values, v) = Row(d, nonZeros);
        var expected = new float[d];
        var actual = new float[d];
        RowProduct.MultiplyReference(gram, factors, d, indices, values, 1.5f, v, expected);
        RowProduct.Multiply(gram, factors, d, indices, values, 1.5f, v, actual);
        AssertClose(expected, actual);
    }

    [Theory]
    [InlineData(8, 3)]
    [InlineData(64, 50)]
    [InlineData(128, 9)]
    [InlineData(12, 4)]
    public void Residual_VectorKernel_MatchesScalarReference(int d, int nonZeros)
    {
        var (gram, factors, indices, values, x) = Row(d, nonZeros);
        var expected = new float[d];
        var actual = new float[d];
        RowProduct.ResidualReference(gram, factors, d, indices, values, 2f, x, expected);
        RowProduct.Residual(gram, factors, d, indices, values, 2f, x, actual);
        AssertClose(expected, actual);
    }

    [Fact]
    public void Multiply_TwoByTwo_EqualsHandComputedProduct()
    {
        // G = [[2, 1], [1, 3]], one nonzero y = (1, 2) with value 3 (c - 1 = alpha * 3 = 3), v = (1, 1):
        // G v = (3, 4); y.v = 3, so 3 * 3 * y = (9, 18); A v = (12, 22).
        float[] gram = [2, 1, 1, 3];
        float[] factors = [1, 2];
        var output = new float[2];
        RowProduct.Multiply(gram, factors, 2, [0], [3f], 1f, [1f, 1f], output);
        Assert.Equal([12f, 22f], output);
        // b - A x with p = 1, c = 4: b = 4 y = (4, 8); A x = G x + 3 (y.x) y = (3, 4) + (9, 18); b - A x = (-8, -14).
        RowProduct.Residual(gram, factors, 2, [0], [3f], 1f, [1f, 1f], output);
        Assert.Equal([-8f, -14f], output);
    }

    private static (float[] Gram, float[] Factors, int[] Indices, float[] Values, float[] V) Row(int d, int nonZeros)
    {
        var rng = new Rng(11);
        const int items = 60;
        var factors = new float[items * d];
        for (var i = 0; i < factors.Length; i++) factors[i] = rng.NextFloat() - 0.5f;
        var gram = new float[d * d];
        for (var a = 0; a < d; a++)
            for (var b = a; b < d; b++)
            {
                var s = a == b ? 0.5f : 0f;
                for (var i = 0; i < items; i++) s += factors[i * d + a] * factors[i * d + b];
                gram[a * d + b] = gram[b * d + a] = s;
            }
        var indices = new int[nonZeros];
        var values = new float[nonZeros];
        for (var k = 0; k < nonZeros; k++)
        {
            indices[k] = (k * 7) % items;
            values[k] = k % 4 == 0 ? 0f : 1 + rng.NextInt(9);
        }
        var v = new float[d];
        for (var f = 0; f < d; f++) v[f] = rng.NextFloat() - 0.5f;
        return (gram, factors, indices, values, v);
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        var scale = 1f;
        foreach (var e in expected) scale = Math.Max(scale, Math.Abs(e));
        for (var i = 0; i < expected.Length; i++) Assert.InRange(actual[i], expected[i] - 1e-5f * scale, expected[i] + 1e-5f * scale);
    }
}
