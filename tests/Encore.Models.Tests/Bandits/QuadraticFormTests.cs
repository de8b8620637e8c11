using System.Runtime.Intrinsics;
using Encore.Core.Randomness;
using Encore.Models.Bandits;

namespace Encore.Models.Tests.Bandits;

/// <summary>Every tier of <see cref="QuadraticForm"/> against a double-precision reference (STYLE rule 9).</summary>
public sealed class QuadraticFormTests
{
    public static TheoryData<int> Widths => [1, 3, 7, 8, 13, 31, 32, 33, 40, 64, 65, 100];

    private static (float[] M, float[] X, double Expected) Case(int d, ulong seed)
    {
        var rng = new Rng(seed);
        var m = new float[d * d];
        for (var i = 0; i < d; i++)
            for (var j = 0; j <= i; j++) m[i * d + j] = m[j * d + i] = (float)rng.NextGaussian();
        var x = new float[d];
        for (var i = 0; i < d; i++) x[i] = (float)rng.NextGaussian();
        double expected = 0;
        for (var i = 0; i < d; i++)
            for (var j = 0; j < d; j++) expected += (double)x[i] * m[i * d + j] * x[j];
        return (m, x, expected);
    }

    [Theory, MemberData(nameof(Widths))]
    public void Scalar_RandomSymmetric_MatchesDoubleReference(int d)
    {
        var (m, x, expected) = Case(d, (ulong)d);
        Assert.Equal(expected, QuadraticForm.Scalar(m, x), 1e-3 * (1 + Math.Abs(expected)));
    }

    [Theory, MemberData(nameof(Widths))]
    public void Vector256Tier_RandomSymmetric_MatchesScalar(int d)
    {
        if (!Vector256.IsHardwareAccelerated || d < Vector256<float>.Count) return;
        var (m, x, expected) = Case(d, 100 + (ulong)d);
        Assert.Equal(expected, QuadraticForm.Vector256Tier(m, x), 1e-3 * (1 + Math.Abs(expected)));
        Assert.Equal(QuadraticForm.Scalar(m, x), QuadraticForm.Vector256Tier(m, x), 1e-3 * (1 + Math.Abs(expected)));
    }

    [Theory, MemberData(nameof(Widths))]
    public void Evaluate_AnyWidth_MatchesReference(int d)
    {
        var (m, x, expected) = Case(d, 200 + (ulong)d);
        Assert.Equal(expected, QuadraticForm.Evaluate(m, x), 1e-3 * (1 + Math.Abs(expected)));
    }

    [Fact]
    public void Evaluate_WrongMatrixSize_Throws() =>
        Assert.Throws<ArgumentException>(() => QuadraticForm.Evaluate(new float[10], new float[3]));
}
