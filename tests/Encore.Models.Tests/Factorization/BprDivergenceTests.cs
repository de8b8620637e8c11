using Encore.Core.Errors;
using Encore.Models.Contract;
using Encore.Models.Factorization.Bpr;

namespace Encore.Models.Tests.Factorization;

/// <summary>
/// Diverged BPR factors fail the fit with advice: the trainer reads the factors after an epoch whose loss is not finite
/// (a step scored a NaN or infinite x) and after the last epoch, so <see cref="BprLossSum"/> must turn any such x into a
/// non-finite loss.
/// </summary>
public sealed class BprDivergenceTests
{
    [Theory]
    [InlineData(SampleOrder.ByUser, 1)]
    [InlineData(SampleOrder.ByUser, 2)]
    [InlineData(SampleOrder.Pairs, 1)]
    public void Fit_HugeLearningRate_ThrowsModelFitExceptionEarlyWithAdvice(SampleOrder order, int threads)
    {
        var data = TrainingData.FromMatrix(BprEpochReferenceTests.RandomMatrix(60, 45, 500, seed: 11));
        var reports = new List<EpochReport>();
        var options = new BprOptions { Factors = 8, Iterations = 50, Threads = threads, LearningRate = 1e30, Order = order };

        var error = Assert.Throws<ModelFitException>(() => new BprTrainer(options).Fit(data, new AlsTrainerTests.ListProgress(reports)));

        Assert.Contains("try lowering LearningRate", error.Message, StringComparison.Ordinal);
        // Found within an epoch of diverging, not only by the check after the last epoch.
        Assert.True(reports.Count <= 2, $"{reports.Count} epochs reported before the failure: {error.Message}");
    }

    [Theory]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    [InlineData(float.NaN)]
    public void Add_NonFiniteScore_MakesTheLossNonFinite(float x)
    {
        var sut = new BprLossSum();
        sut.Add(0.5f, MathF.Exp(-0.5f));
        sut.Add(x, MathF.Exp(-MathF.Abs(x)));
        sut.Add(-1f, MathF.Exp(-1f));

        Assert.False(double.IsFinite(sut.Loss));
    }

    [Fact]
    public void Add_FiniteScores_GiveTheSoftplusSum()
    {
        var sut = new BprLossSum();
        float[] xs = [0.5f, -2f, 0f, 7f];
        foreach (var x in xs) sut.Add(x, MathF.Exp(-MathF.Abs(x)));

        var expected = xs.Sum(x => Math.Log(1 + Math.Exp(-(double)x)));
        Assert.Equal(expected, sut.Loss, 1e-6);
        Assert.Equal(2, sut.Correct);
    }
}
