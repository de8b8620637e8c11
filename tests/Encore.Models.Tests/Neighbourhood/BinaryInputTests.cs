using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Neighbourhood;

namespace Encore.Models.Tests.Neighbourhood;

public sealed class BinaryInputTests
{
    private static readonly CsrMatrix Counts = CsrMatrix.FromTriples(3, 4, [0, 0, 1, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2, 3], [5f, 1f, 40f, 2f, 1f, 7f, 3f]);

    [Fact]
    public void Fit_BinaryInputDefault_EqualsRawFitOnOnes()
    {
        var ones = Counts.MapValues(_ => 1f);
        var binary = new ItemKnnTrainer().Fit(TrainingData.FromMatrix(Counts));
        var raw = new ItemKnnTrainer(new ItemKnnOptions { BinaryInput = false }).Fit(TrainingData.FromMatrix(ones));
        Assert.Equal(raw.Recommend([0, 1, 2], 4).Scores, binary.Recommend([0, 1, 2], 4).Scores);
        var userBinary = new UserKnnTrainer().Fit(TrainingData.FromMatrix(Counts));
        var userRaw = new UserKnnTrainer(new UserKnnOptions { BinaryInput = false }).Fit(TrainingData.FromMatrix(ones));
        Assert.Equal(userRaw.Recommend([0, 1, 2], 4).Scores, userBinary.Recommend([0, 1, 2], 4).Scores);
    }

    [Fact]
    public void RecommendFromHistory_BinaryInput_IgnoresHistoryValues()
    {
        var sut = (ItemKnnModel)new ItemKnnTrainer().Fit(TrainingData.FromMatrix(Counts));
        var (a, sa) = sut.RecommendFromHistory([0, 2], [100f, 1f], 4);
        var (b, sb) = sut.RecommendFromHistory([0, 2], [1f, 1f], 4);
        Assert.Equal(a, b);
        Assert.Equal(sa, sb);
    }
}
