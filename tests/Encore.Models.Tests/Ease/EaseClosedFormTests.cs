using Encore.Core.Errors;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Ease;

namespace Encore.Models.Tests.Ease;

public sealed class EaseClosedFormTests
{
    // 4 users x 3 items: u0 = {0, 1}, u1 = {1, 2}, u2 = {0, 1, 2}, u3 = {2} (value 2).
    private static readonly TrainingData Data = TrainingData.FromMatrix(CsrMatrix.FromTriples(4, 3,
        [0, 0, 1, 1, 2, 2, 2, 3], [0, 1, 1, 2, 0, 1, 2, 2], [1f, 1, 1, 1, 1, 1, 1, 2]));

    [Fact]
    public void Fit_TinyMatrix_MatchesNaiveClosedForm()
    {
        const double lambda = 2;
        var sut = (EaseModel)new EaseTrainer(new EaseOptions { Lambda = lambda }).Fit(Data);
        var expected = EaseReference.Weights(Data.Interactions, lambda);
        for (var j = 0; j < 3; j++)
            for (var i = 0; i < 3; i++)
                Assert.Equal(expected[j, i], sut.WeightsOf(j)[i], 5);
        Assert.Equal(0f, sut.WeightsOf(1)[1]);
    }

    [Fact]
    public void Explain_User_ListsHistoryContributions()
    {
        var sut = (EaseModel)new EaseTrainer(new EaseOptions { Lambda = 2 }).Fit(Data);
        var expected = EaseReference.Weights(Data.Interactions, 2);
        var (items, contributions) = sut.Explain(3, 0, 3); // u3 = {2: 2}: contribution 2 * B[2][0]
        Assert.Equal([2], items);
        Assert.Equal(2 * expected[2, 0], contributions[0], 5);
    }

    [Fact]
    public void Fit_CatalogueAboveMaxItems_RefusesWithSizeMemoryAndAlternatives()
    {
        var sut = new EaseTrainer(new EaseOptions { MaxItems = 2 });
        var error = Assert.Throws<ModelFitException>(() => sut.Fit(Data));
        Assert.Contains("3 x 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("for 3 items", error.Message, StringComparison.Ordinal);
        Assert.Contains("GiB", error.Message, StringComparison.Ordinal);
        Assert.Contains("item-kNN", error.Message, StringComparison.Ordinal);
        Assert.Contains("ALS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureFits_HundredThousandItems_NamesMemory()
    {
        var error = Assert.Throws<ModelFitException>(() => EaseTrainer.EnsureFits(100_000, 50_000));
        Assert.Contains("100,000 x 100,000", error.Message, StringComparison.Ordinal);
        Assert.Contains("37.3 GiB", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxItems = 50,000", error.Message, StringComparison.Ordinal);
    }
}
