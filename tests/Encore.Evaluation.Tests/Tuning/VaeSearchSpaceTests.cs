using Encore.Core.Randomness;
using Encore.Evaluation.Tuning;
using Encore.Models.Training;
using Encore.Models.Vae;

namespace Encore.Evaluation.Tests.Tuning;

public sealed class VaeSearchSpaceTests
{
    [Fact]
    public void SearchSpace_VaeDraws_AreValidSettingsInRange()
    {
        var rng = new Rng(9);
        var space = SearchSpace.For("vae");
        Assert.Equal(["kind", "hidden", "latent", "dropout", "beta", "learning-rate", "batch-size"], space.Dimensions.Select(d => d.Key));
        Assert.Equal(("epochs", 100), (space.FidelityKey, space.FullFidelity));
        var kinds = new HashSet<VaeKind>();
        for (var i = 0; i < 100; i++)
        {
            var sut = (VaeTrainer)TrainerCatalog.Create("vae", space.Draw(ref rng));
            Assert.Contains(sut.Options.Hidden, new[] { 200, 600 });
            Assert.Contains(sut.Options.Latent, new[] { 50, 100, 200 });
            Assert.InRange(sut.Options.Dropout, 0.199, 0.701);
            Assert.InRange(sut.Options.Beta, 0.0499, 0.501);
            Assert.InRange(sut.Options.LearningRate, 0.000299, 0.00301);
            Assert.Contains(sut.Options.BatchSize, new[] { 100, 250, 500 });
            kinds.Add(sut.Options.Kind);
        }
        Assert.Equal(2, kinds.Count);
    }
}
