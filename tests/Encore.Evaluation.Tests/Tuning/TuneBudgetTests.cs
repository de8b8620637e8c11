using Encore.Evaluation.Tuning;

namespace Encore.Evaluation.Tests.Tuning;

public sealed class TuneBudgetTests
{
    [Theory]
    [InlineData(6, 1, new[] { 6 })]
    [InlineData(7, 3, new[] { 3, 2, 2 })]
    [InlineData(40, 10, new[] { 4, 4, 4, 4, 4, 4, 4, 4, 4, 4 })]
    [InlineData(45, 10, new[] { 5, 5, 5, 5, 5, 4, 4, 4, 4, 4 })]
    public void Split_BudgetOfAtLeastOnePerModel_SharesAddUpToIt(int trials, int models, int[] expected)
    {
        var sut = TuneBudget.Split(trials, models);

        Assert.Equal(expected, sut);
        Assert.Equal(trials, sut.Sum());
    }

    [Fact]
    public void Split_BudgetBelowOnePerModel_GivesEachModelItsDefaults()
    {
        Assert.Equal([1, 1, 1], TuneBudget.Split(2, 3));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void Split_NothingToSplit_Throws(int trials, int models)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TuneBudget.Split(trials, models));
    }
}
