using Encore.Core.Randomness;
using Encore.Models.Ease.Lapack;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Tests.Factorization;

public sealed class ManagedGemmTests
{
    [Theory]
    [InlineData(4, 16, 8)]
    [InlineData(64, 64, 64)]
    [InlineData(37, 53, 300)]
    [InlineData(3, 5, 7)]
    [InlineData(130, 20, 129)]
    public void Multiply_MatchesDoublePrecisionTripleLoop(int m, int n, int k)
    {
        var a = Random(m * k, 1);
        var b = Random(k * n, 2);
        var c = new float[m * n];
        c.AsSpan().Fill(float.NaN); // overwritten, not accumulated into
        ManagedGemm.Multiply(a, b, c, m, n, k);
        AssertProduct(a, b, c, m, n, k);
    }

    [Fact]
    public void MultiplyReference_MatchesDoublePrecisionTripleLoop()
    {
        const int m = 9, n = 17, k = 33;
        var a = Random(m * k, 3);
        var b = Random(k * n, 4);
        var c = new float[m * n];
        ManagedGemm.MultiplyReference(a, b, c, m, n, k);
        AssertProduct(a, b, c, m, n, k);
    }

    [Fact]
    public void Multiply_ShortArray_Throws()
    {
        Assert.Throws<ArgumentException>(() => ManagedGemm.Multiply(new float[10], new float[16], new float[16], 4, 4, 4));
    }

    [Fact]
    public void OpenBlasSgemm_WhenPresent_MatchesManagedKernel()
    {
        if (!OpenBlas.IsAvailable || !OpenBlas.HasGemm) return; // libopenblas0 absent: the managed kernel is the only path
        const int m = 70, n = 45, k = 90;
        var a = Random(m * k, 5);
        var b = Random(k * n, 6);
        var c = new float[m * n];
        OpenBlas.Sgemm(a, b, c, m, n, k, threads: 2);
        AssertProduct(a, b, c, m, n, k);
    }

    private static void AssertProduct(float[] a, float[] b, float[] c, int m, int n, int k)
    {
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
            {
                double expected = 0;
                for (var p = 0; p < k; p++) expected += (double)a[i * k + p] * b[p * n + j];
                Assert.True(Math.Abs(expected - c[i * n + j]) <= 1e-4 * (1 + Math.Sqrt(k)), $"C[{i},{j}] = {c[i * n + j]}, expected {expected}");
            }
    }

    private static float[] Random(int length, ulong seed)
    {
        var rng = new Rng(seed);
        var values = new float[length];
        for (var i = 0; i < length; i++) values[i] = (float)(2 * rng.NextDouble() - 1);
        return values;
    }
}
