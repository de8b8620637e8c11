using Encore.Core.Errors;
using Encore.Core.LinearAlgebra;
using Encore.Core.Randomness;

namespace Encore.Core.Tests.LinearAlgebra;

public sealed class DenseSpdInverseTests
{
    [Fact]
    public void InvertInPlace_TwoByTwo_MatchesClosedForm()
    {
        // [[4, 2], [2, 3]]^-1 = 1/8 [[3, -2], [-2, 4]].
        double[] sut = [4, 2, 2, 3];
        DenseSpdInverse.InvertInPlace(sut, 2);
        double[] expected = [3 / 8.0, -2 / 8.0, -2 / 8.0, 4 / 8.0];
        for (var i = 0; i < 4; i++) Assert.Equal(expected[i], sut[i], 12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(150)]
    [InlineData(600)]
    public void InvertInPlace_RandomSpd_TimesOriginalIsIdentity(int n)
    {
        var a = RandomSpd(n, seed: (ulong)n);
        var inverse = (double[])a.Clone();
        DenseSpdInverse.InvertInPlace(inverse, n, threads: 2);
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                double sum = 0;
                for (var m = 0; m < n; m++) sum += a[i * n + m] * inverse[m * n + j];
                Assert.Equal(i == j ? 1.0 : 0.0, sum, 9);
            }
    }

    [Fact]
    public void InvertInPlace_Float_AgreesWithDouble()
    {
        const int n = 100;
        var a = RandomSpd(n, seed: 3);
        var d = (double[])a.Clone();
        var f = a.Select(v => (float)v).ToArray();
        DenseSpdInverse.InvertInPlace(d, n);
        DenseSpdInverse.InvertInPlace(f, n);
        for (var i = 0; i < d.Length; i++) Assert.Equal(d[i], f[i], 4);
    }

    [Fact]
    public void InvertInPlace_NotPositiveDefinite_ThrowsWithHint()
    {
        double[] sut = [1, 2, 2, 1];
        var error = Assert.Throws<ModelFitException>(() => DenseSpdInverse.InvertInPlace(sut, 2));
        Assert.Contains("regularisation", error.Message, StringComparison.Ordinal);
    }

    // M M^T / n + I: symmetric, eigenvalues >= 1.
    private static double[] RandomSpd(int n, ulong seed)
    {
        var rng = new Rng(seed);
        var m = new double[n * n];
        for (var i = 0; i < m.Length; i++) m[i] = rng.NextGaussian();
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                double sum = 0;
                for (var k = 0; k < n; k++) sum += m[i * n + k] * m[j * n + k];
                a[i * n + j] = sum / n + (i == j ? 1 : 0);
            }
        return a;
    }
}
