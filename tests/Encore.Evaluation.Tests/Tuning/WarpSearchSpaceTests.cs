using Encore.Core.Randomness;
using Encore.Evaluation.Tuning;
using Encore.Models.Factorization.Warp;
using Encore.Models.Training;

namespace Encore.Evaluation.Tests.Tuning;

public sealed class WarpSearchSpaceTests
{
    [Fact]
    public void SearchSpace_WarpDraws_AreValidSettingsInRange()
    {
        var rng = new Rng(9);
        var space = SearchSpace.For("warp");
        Assert.Equal(["factors", "learning-rate", "regularization", "max-sampled", "weighting"], space.Dimensions.Select(d => d.Key));
        Assert.Equal(("iterations", 30), (space.FidelityKey, space.FullFidelity));
        var weightings = new HashSet<WarpWeighting>();
        for (var i = 0; i < 100; i++)
        {
            var sut = (WarpTrainer)TrainerCatalog.Create("warp", space.Draw(ref rng));
            Assert.Contains(sut.Options.Factors, new[] { 32, 64, 128, 192 });
            Assert.InRange(sut.Options.LearningRate, 0.00999, 0.201);
            Assert.InRange(sut.Options.Regularization, 0.0000099, 0.101);
            Assert.InRange(sut.Options.MaxSampled, 5, 200);
            weightings.Add(sut.Options.Weighting);
        }
        Assert.Equal(2, weightings.Count);
    }
}
