using Encore.Core.Randomness;
using Encore.Evaluation.Protocols;
using Encore.Evaluation.Statistics;

namespace Encore.Evaluation.Tests.Statistics;

public sealed class PairedComparisonTests
{
    private static double[] Noisy(int n, double mean, double sd, ulong seed)
    {
        var rng = new Rng(seed);
        var values = new double[n];
        for (var i = 0; i < n; i++) values[i] = mean + sd * rng.NextGaussian();
        return values;
    }

    [Fact]
    public void Compare_PlantedDifference_IsSignificant()
    {
        var a = Noisy(500, 0.3, 0.1, 1);
        var noise = Noisy(500, 0, 0.01, 2);
        var b = new double[500];
        for (var i = 0; i < 500; i++) b[i] = a[i] + 0.05 + noise[i];
        var result = PairedComparison.Compare(a, b, seed: 7);
        Assert.True(result.IsSignificant);
        Assert.Null(result.Warning);
        Assert.InRange(result.MeanDifference, 0.049, 0.051);
        Assert.True(result.CiLow > 0.048 && result.CiHigh < 0.052);
        Assert.True(result.PermutationPValue <= 1.0 / 10_001 + 1e-12);
        Assert.True(result.WilcoxonPValue < 1e-6);
        Assert.True(result.CohensD > 3);
    }

    [Fact]
    public void Compare_IdenticalModels_PIsOneAndNotSignificant()
    {
        var a = Noisy(500, 0.3, 0.1, 1);
        var result = PairedComparison.Compare(a, a, seed: 7);
        Assert.Equal(1.0, result.PermutationPValue);
        Assert.Equal(1.0, result.WilcoxonPValue);
        Assert.Equal(0.0, result.MeanDifference);
        Assert.Equal(0.0, result.CohensD);
        Assert.False(result.IsSignificant);
        Assert.Contains("not significant", result.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_TwoNoisyCopiesOfOneDistribution_NotSignificant()
    {
        var a = Noisy(500, 0.3, 0.1, 11);
        var b = Noisy(500, 0.3, 0.1, 12);
        var result = PairedComparison.Compare(a, b, seed: 7);
        Assert.False(result.IsSignificant);
        Assert.True(result.CiLow < 0 && result.CiHigh > 0);
        Assert.True(result.WilcoxonPValue > 0.05);
    }

    [Fact]
    public void Compare_SameSeed_SameResult()
    {
        var a = Noisy(50, 0.3, 0.1, 3);
        var b = Noisy(50, 0.32, 0.1, 4);
        Assert.Equal(PairedComparison.Compare(a, b, 5), PairedComparison.Compare(a, b, 5));
    }

    [Fact]
    public void Compare_DifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => PairedComparison.Compare([1, 2], [1], 1));
    }

    [Fact]
    public void SignFlipTest_AllDifferencesOneSign_SmallestPossibleP()
    {
        // 12 equal positive differences: only the all-positive and all-negative flips (2 of 4096) reach |sum| = 12.
        var p = SignFlipTest.PValue([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], flips: 20_000, seed: 3);
        Assert.InRange(p, 0.0001, 0.0015);
    }

    [Fact]
    public void PairedCohensD_HandWorked()
    {
        // d = [1, 2, 3]: mean 2, sample sd 1.
        Assert.Equal(2.0, EffectSize.PairedCohensD([1, 2, 3]), 12);
        Assert.Equal(double.PositiveInfinity, EffectSize.PairedCohensD([0.5, 0.5]));
    }

    [Fact]
    public void Compare_MetricTables_UsesNamedColumnAndChecksUsers()
    {
        var a = new MetricTable([1, 2, 3]);
        var b = new MetricTable([1, 2, 3]);
        a.Column("ndcg@10").AsSpan().Fill(0.2);
        double[] bValues = [0.3, 0.4, 0.5];
        bValues.CopyTo(b.Column("ndcg@10"), 0);
        var result = PairedComparison.Compare(a, b, "ndcg@10", seed: 1);
        Assert.Equal(0.2, result.MeanDifference, 12);
        Assert.Equal(3, result.Pairs);
        Assert.Throws<ArgumentException>(() => PairedComparison.Compare(a, new MetricTable([1, 2, 4]), "ndcg@10"));
        Assert.Throws<ArgumentException>(() => PairedComparison.Compare(a, b, "recall@10"));
    }
}
