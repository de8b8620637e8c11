using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Ease;
using Encore.Models.Tests.Contract;
using Encore.Models.Training;

namespace Encore.Models.Tests.Ease;

/// <summary>The dropout-denoising linear autoencoders of Steck (2020): EDLAE (zero diagonal) and DLAE (<see cref="EaseOptions.Dropout"/>).</summary>
public sealed class EaseDenoisingTests
{
    // 6 users x 4 items with unequal item activity (item 0 popular, item 3 rare) and values 1..3, so diag(X^T X) varies.
    private static readonly TrainingData Data = TrainingData.FromMatrix(CsrMatrix.FromTriples(6, 4,
        [0, 0, 0, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5],
        [0, 1, 2, 0, 1, 0, 2, 3, 0, 1, 1, 2, 0],
        [3f, 1, 1, 2, 1, 1, 2, 1, 1, 3, 1, 1, 2]));

    [Theory]
    [InlineData(0.25, true)]
    [InlineData(0.6, true)]
    [InlineData(0.25, false)]
    [InlineData(0.6, false)]
    [InlineData(0.0, false)]
    public void Fit_Dropout_MatchesTheDefinition(double dropout, bool zeroDiagonal)
    {
        const double lambda = 1.5;
        var sut = (EaseModel)new EaseTrainer(new EaseOptions { Lambda = lambda, Dropout = dropout, ZeroDiagonal = zeroDiagonal, Threads = 1 }).Fit(Data);
        var expected = EaseReference.Denoising(Data.Interactions, lambda, dropout, zeroDiagonal);
        for (var j = 0; j < 4; j++)
        {
            var row = sut.WeightsOf(j);
            for (var i = 0; i < 4; i++) Assert.Equal(expected[j, i], row[i], 4);
        }
    }

    [Fact]
    public void Fit_DropoutZeroWithZeroDiagonal_IsPlainEaseBitForBit()
    {
        var plain = (EaseModel)new EaseTrainer(new EaseOptions { Lambda = 2, Threads = 1 }).Fit(Data);
        var sut = (EaseModel)new EaseTrainer(new EaseOptions { Lambda = 2, Dropout = 0, ZeroDiagonal = true, Threads = 1 }).Fit(Data);
        for (var j = 0; j < 4; j++) Assert.Equal(plain.WeightsOf(j), sut.WeightsOf(j));
        var reference = EaseReference.Weights(Data.Interactions, 2);
        Assert.Equal(reference[0, 1], sut.WeightsOf(0)[1], 5);
    }

    [Theory]
    [InlineData(0.5, true)]
    [InlineData(0.5, false)]
    public void Recommend_PlantedBlocks_RanksTheUsersOwnBlockFirst(double dropout, bool zeroDiagonal)
    {
        var data = PlantedBlocks.Create();
        var sut = new EaseTrainer(new EaseOptions { Lambda = 5, Dropout = dropout, ZeroDiagonal = zeroDiagonal, Threads = 1 }).Fit(data);
        for (var u = 0; u < PlantedBlocks.UserCount; u++)
        {
            if (data.Interactions.RowLength(u) == 0) continue;
            var (items, _) = sut.RecommendOne(u, 3);
            Assert.All(items, i => Assert.Equal(PlantedBlocks.GroupOfUser(u), PlantedBlocks.BlockOfItem(i)));
        }
    }

    [Fact]
    public void Create_DropoutAndZeroDiagonalSettings_BindAndValidate()
    {
        var trainer = (EaseTrainer)TrainerCatalog.Create("ease", TrainerCatalog.ParseSettings(["dropout=0.3", "zero-diagonal=false"]));
        Assert.Equal(0.3, trainer.Options.Dropout);
        Assert.False(trainer.Options.ZeroDiagonal);
        Assert.Contains(new ModelSetting("dropout", "number", "0"), TrainerCatalog.Settings("ease"));
        Assert.Contains(new ModelSetting("zero-diagonal", "bool", "true"), TrainerCatalog.Settings("ease"));
        var error = Assert.Throws<ArgumentException>(() => TrainerCatalog.Create("ease", TrainerCatalog.ParseSettings(["dropout=1"])));
        Assert.Contains("dropout=1", error.Message, StringComparison.Ordinal);
    }
}
