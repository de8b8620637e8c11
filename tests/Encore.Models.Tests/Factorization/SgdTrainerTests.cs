using Encore.Models.Contract;
using Encore.Models.Factorization.Bpr;
using Encore.Models.Factorization.Lmf;
using Encore.Models.Tests.Contract;

namespace Encore.Models.Tests.Factorization;

public sealed class SgdTrainerTests
{
    private static readonly TrainingData Planted = PlantedBlocks.Create();

    [Fact]
    public void BprFit_OneThreadSameSeed_GivesIdenticalFactors()
    {
        var options = new BprOptions { Factors = 8, Iterations = 20, Threads = 1 };
        var a = new BprTrainer(options).Fit(Planted);
        var b = new BprTrainer(options).Fit(Planted);
        Assert.Equal(a.ItemFactors.ToArray(), b.ItemFactors.ToArray());
    }

    [Fact]
    public void BprFit_Progress_ReportsFallingLossAndRisingAuc()
    {
        var reports = new List<EpochReport>();
        new BprTrainer(new BprOptions { Factors = 8, LearningRate = 0.05, Iterations = 50, Threads = 1 }).Fit(Planted, new AlsTrainerTests.ListProgress(reports));
        Assert.Equal(50, reports.Count);
        Assert.True(reports[^1].Loss < reports[0].Loss);
        Assert.True(reports[^1].ValidationMetric > 0.9, $"training AUC {reports[^1].ValidationMetric}");
    }

    [Fact]
    public void BprFit_BlockMatrix_HeldOutOwnBlockItemsRankAboveOtherBlocks()
    {
        var data = BlockMatrix.Create();
        var sut = new BprTrainer(new BprOptions { Factors = 8, LearningRate = 0.05, Iterations = 200, Threads = 1, Negatives = NegativeSampling.Uniform }).Fit(data);
        var good = Enumerable.Range(0, data.UserCount).Count(u => BlockMatrix.OwnBlockFirst(sut, u));
        Assert.True(good >= 0.95 * data.UserCount, $"{good} of {data.UserCount}");
    }

    [Fact]
    public void LmfFit_OneThreadSameSeed_GivesIdenticalFactors()
    {
        var options = new LmfOptions { Factors = 8, Iterations = 5, Threads = 1 };
        var a = new LmfTrainer(options).Fit(Planted);
        var b = new LmfTrainer(options).Fit(Planted);
        Assert.Equal(a.UserFactors.ToArray(), b.UserFactors.ToArray());
        Assert.Equal(a.ItemFactors.ToArray(), b.ItemFactors.ToArray());
    }

    [Fact]
    public void LmfFit_BlockMatrix_HeldOutOwnBlockItemsRankAboveOtherBlocks()
    {
        var data = BlockMatrix.Create();
        var sut = new LmfTrainer(new LmfOptions { Factors = 8, Iterations = 30, Threads = 1 }).Fit(data);
        var good = Enumerable.Range(0, data.UserCount).Count(u => BlockMatrix.OwnBlockFirst(sut, u));
        Assert.True(good >= 0.95 * data.UserCount, $"{good} of {data.UserCount}");
    }

    [Fact]
    public void LmfFit_Progress_LossFalls()
    {
        var reports = new List<EpochReport>();
        new LmfTrainer(new LmfOptions { Factors = 8, Iterations = 10, Threads = 1 }).Fit(Planted, new AlsTrainerTests.ListProgress(reports));
        Assert.True(reports[^1].Loss < reports[0].Loss);
    }
}
