using Encore.Core.Randomness;
using Encore.Models.Vae;

namespace Encore.Models.Tests.Vae;

public sealed class DenseProductTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Multiply_EveryTransposition_EqualsTheDefinition(bool transA, bool transB)
    {
        const int m = 5, n = 7, k = 3;
        var rng = new Rng(9);
        var a = Random(ref rng, m * k);
        var b = Random(ref rng, k * n);
        double A(int i, int p) => transA ? a[(p * m) + i] : a[(i * k) + p];
        double B(int p, int j) => transB ? b[(j * k) + p] : b[(p * n) + j];
        var managed = new float[m * n];
        var dispatched = new float[m * n];
        DenseProduct.Managed(transA, transB, a, b, managed, m, n, k, threads: 2);
        DenseProduct.Multiply(transA, transB, a, b, dispatched, m, n, k, threads: 1);
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double expected = 0;
                for (var p = 0; p < k; p++) expected += A(i, p) * B(p, j);
                Assert.Equal(expected, managed[(i * n) + j], 5);
                Assert.Equal(expected, dispatched[(i * n) + j], 5);
            }
        }
    }

    [Fact]
    public void Managed_BothTransposed_IsRefused() =>
        Assert.Throws<ArgumentException>(() => DenseProduct.Managed(true, true, new float[4], new float[4], new float[4], 2, 2, 2, 1));

    private static float[] Random(ref Rng rng, int length)
    {
        var values = new float[length];
        for (var i = 0; i < length; i++) values[i] = rng.NextFloat() - 0.5f;
        return values;
    }
}
