using Encore.Core.Errors;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Als;
using Encore.Models.Tests.Contract;

namespace Encore.Models.Tests.Factorization;

public sealed class AlsTrainerTests
{
    private static readonly TrainingData Planted = PlantedBlocks.Create();

    [Fact]
    public void Fit_BlockMatrix_HeldOutOwnBlockItemsRankAboveOtherBlocks()
    {
        var data = BlockMatrix.Create();
        var sut = new AlsTrainer(new AlsOptions { Factors = 8, Regularization = 0.1, Iterations = 10 }).Fit(data);
        for (var user = 0; user < data.UserCount; user++) Assert.True(BlockMatrix.OwnBlockFirst(sut, user), $"user {user}");
    }

    [Fact]
    public void Fit_ManyCgSteps_AgreesWithCholesky()
    {
        var cg = new AlsTrainer(new AlsOptions { Factors = 6, Regularization = 0.5, Iterations = 5, CgSteps = 50 }).Fit(Planted);
        var exact = new AlsTrainer(new AlsOptions { Factors = 6, Regularization = 0.5, Iterations = 5, Solver = AlsSolver.Cholesky }).Fit(Planted);
        var a = cg.UserFactors.ToArray();
        var b = exact.UserFactors.ToArray();
        for (var i = 0; i < a.Length; i++) Assert.InRange(a[i], b[i] - 1e-3f, b[i] + 1e-3f);
    }

    [Fact]
    public void Fit_CalculateLoss_LossDecreases()
    {
        var reports = new List<EpochReport>();
        new AlsTrainer(new AlsOptions { Factors = 8, Iterations = 6, CalculateLoss = true }).Fit(Planted, new ListProgress(reports));
        Assert.Equal(6, reports.Count);
        for (var i = 1; i < reports.Count; i++) Assert.True(reports[i].Loss <= reports[i - 1].Loss + 1e-9, $"loss rose at {i}: {reports[i - 1].Loss} -> {reports[i].Loss}");
        Assert.True(reports[^1].Loss < reports[0].Loss);
    }

    [Fact]
    public void Fit_OneOrTwoThreads_GivesIdenticalFactors()
    {
        var one = new AlsTrainer(new AlsOptions { Factors = 8, Iterations = 4, Threads = 1 }).Fit(Planted);
        var two = new AlsTrainer(new AlsOptions { Factors = 8, Iterations = 4, Threads = 2 }).Fit(Planted);
        Assert.Equal(one.UserFactors.ToArray(), two.UserFactors.ToArray());
        Assert.Equal(one.ItemFactors.ToArray(), two.ItemFactors.ToArray());
    }

    [Fact]
    public void Fit_HugeValues_ThrowsModelFitExceptionWithHint()
    {
        var m = CsrMatrix.FromTriples(2, 2, [0, 1], [0, 1], [float.MaxValue, float.MaxValue]);
        var error = Assert.Throws<ModelFitException>(() => new AlsTrainer(new AlsOptions { Factors = 2, Iterations = 2 }).Fit(TrainingData.FromMatrix(m)));
        Assert.Contains("try increasing Regularization", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_NaNAlpha_IsRejectedWithItsName()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AlsOptions { Alpha = double.NaN });
        Assert.Equal("Alpha", error.ParamName);
    }

    [Fact]
    public void Fit_CancelledDuringIteration_Throws()
    {
        using var cts = new CancellationTokenSource();
        var progress = new ListProgress([], () => cts.Cancel());
        Assert.ThrowsAny<OperationCanceledException>(() => new AlsTrainer(new AlsOptions { Factors = 4, Iterations = 5 }).Fit(Planted, progress, cts.Token));
    }

    [Fact]
    public void Explain_OwnBlockItem_TopContributorsComeFromThatBlock()
    {
        var sut = new AlsTrainer(new AlsOptions { Factors = 8, Regularization = 0.1, Iterations = 10 }).Fit(Planted);
        var user = 1;
        var target = Enumerable.Range(0, PlantedBlocks.ItemsPerBlock).First(i => Planted.Interactions.Get(user, i) == 0);
        var (items, contributions) = sut.Explain(user, target, 3);
        Assert.Equal(3, items.Length);
        Assert.All(items, i => Assert.Equal(0, PlantedBlocks.BlockOfItem(i)));
        Assert.True(contributions[0] >= contributions[1] && contributions[1] >= contributions[2]);
    }

    [Fact]
    public void Explain_Contributions_SumToTheScore()
    {
        var sut = new AlsTrainer(new AlsOptions { Factors = 8, Regularization = 0.1, Iterations = 10, Solver = AlsSolver.Cholesky }).Fit(Planted);
        var (_, contributions) = sut.Explain(2, 5, 100);
        var score = new float[1];
        sut.Score(2, [5], score);
        Assert.Equal(score[0], contributions.Sum(), 2);
    }

    internal sealed class ListProgress(List<EpochReport> reports, Action? onReport = null) : IProgress<EpochReport>
    {
        public void Report(EpochReport value)
        {
            reports.Add(value);
            onReport?.Invoke();
        }
    }
}
