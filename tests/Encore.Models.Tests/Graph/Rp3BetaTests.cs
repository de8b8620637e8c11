using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Graph;
using Encore.Models.Tests.Contract;

namespace Encore.Models.Tests.Graph;

public sealed class Rp3BetaContractTests : RecommenderContractTests
{
    protected override IRecommenderTrainer CreateTrainer() => new Rp3BetaTrainer(new Rp3BetaOptions { Neighbours = 30 });
}

public sealed class Rp3BetaWeightTests
{
    // Users: u0 {0, 1}, u1 {0, 1, 2}, u2 {2}. Hand-worked with alpha 1, beta 0 (plain P3), no row scaling:
    // W[0][1] = P(u0|0) P(1|u0) + P(u1|0) P(1|u1) = 1/2 * 1/2 + 1/2 * 1/3 = 5/12;
    // W[0][2] = P(u1|0) P(2|u1) = 1/2 * 1/3 = 1/6.
    private static readonly TrainingData Data = TrainingData.FromMatrix(CsrMatrix.FromTriples(3, 3,
        [0, 0, 1, 1, 1, 2], [0, 1, 0, 1, 2, 2], [1f, 1f, 1f, 1f, 1f, 1f]));

    [Fact]
    public void Fit_PlainP3_GivesTheWalkProbabilities()
    {
        var sut = (Rp3BetaModel)new Rp3BetaTrainer(new Rp3BetaOptions { Beta = 0, NormalizeRows = false }).Fit(Data);

        Assert.Equal(5f / 12, sut.Weights.Get(0, 1), 6);
        Assert.Equal(1f / 6, sut.Weights.Get(0, 2), 6);
        Assert.Equal(0f, sut.Weights.Get(0, 0));
    }

    [Fact]
    public void Fit_Beta_DividesByPopularityPower()
    {
        var sut = (Rp3BetaModel)new Rp3BetaTrainer(new Rp3BetaOptions { Beta = 1, NormalizeRows = false }).Fit(Data);

        // Items 1 and 2 both have two users: each weight is halved.
        Assert.Equal(5f / 24, sut.Weights.Get(0, 1), 6);
        Assert.Equal(1f / 12, sut.Weights.Get(0, 2), 6);
    }

    [Fact]
    public void Fit_NormalizeRows_RowsSumToOne()
    {
        var sut = (Rp3BetaModel)new Rp3BetaTrainer().Fit(Data);
        for (var i = 0; i < 3; i++) Assert.Equal(1f, System.Numerics.Tensors.TensorPrimitives.Sum(sut.Weights.RowValues(i)), 5);
    }

    [Fact]
    public void Options_OutOfRange_Throw()
    {
        Assert.ThrowsAny<ArgumentException>(() => new Rp3BetaOptions { Alpha = 0 });
        Assert.ThrowsAny<ArgumentException>(() => new Rp3BetaOptions { Beta = -0.1 });
        Assert.ThrowsAny<ArgumentException>(() => new Rp3BetaOptions { Neighbours = 0 });
    }
}
