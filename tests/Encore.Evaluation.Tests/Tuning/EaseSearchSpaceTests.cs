using Encore.Core.Randomness;
using Encore.Evaluation.Tuning;
using Encore.Models.Ease;
using Encore.Models.Training;

namespace Encore.Evaluation.Tests.Tuning;

public sealed class EaseSearchSpaceTests
{
    [Fact]
    public void SearchSpace_EaseDraws_CoverDropoutAndBothDiagonalsInRange()
    {
        var rng = new Rng(9);
        var space = SearchSpace.For("ease");
        Assert.Equal(["lambda", "dropout", "zero-diagonal"], space.Dimensions.Select(d => d.Key));
        var diagonals = new HashSet<bool>();
        for (var i = 0; i < 100; i++)
        {
            var sut = (EaseTrainer)TrainerCatalog.Create("ease", space.Draw(ref rng));
            Assert.InRange(sut.Options.Lambda, 9.99, 5000.01);
            Assert.InRange(sut.Options.Dropout, 0, 0.6);
            diagonals.Add(sut.Options.ZeroDiagonal);
        }
        Assert.Equal(2, diagonals.Count);
    }
}
