using Encore.Core.Randomness;
using Encore.Evaluation.Tuning;
using Encore.Models.Social;
using Encore.Models.Training;

namespace Encore.Evaluation.Tests.Tuning;

public sealed class FriendsSearchSpaceTests
{
    [Fact]
    public void SearchSpace_FriendsDraws_AreValidSettingsInRange()
    {
        var rng = new Rng(9);
        var space = SearchSpace.For("friends");
        Assert.Equal(["weighting", "taste", "second-degree", "popularity-weight"], space.Dimensions.Select(d => d.Key));
        for (var i = 0; i < 100; i++)
        {
            var sut = (FriendsTrainer)TrainerCatalog.Create("friends", space.Draw(ref rng));
            Assert.InRange(sut.Options.Taste, 0, 2);
            Assert.InRange(sut.Options.SecondDegree, 0, 0.7);
            Assert.InRange(sut.Options.PopularityWeight, 0.000999, 1.001);
        }
    }
}
