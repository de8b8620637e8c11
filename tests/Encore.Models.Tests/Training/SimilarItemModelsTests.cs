using Encore.Models.Contract;
using Encore.Models.Tests.Faults;
using Encore.Models.Training;

namespace Encore.Models.Tests.Training;

public sealed class SimilarItemModelsTests
{
    // Session 24's trial: `similar --help` named four of the six models it then accepted. The list the command line
    // prints is this one, and every model is fitted to check it.
    [Theory]
    [MemberData(nameof(FaultWorlds.AllModels), MemberType = typeof(FaultWorlds))]
    public void SimilarItemModels_ListsExactlyTheModelsThatFindSimilarItems(string name)
    {
        var model = FaultWorlds.Train(name, FaultWorlds.DislikedFor(name));

        Assert.Equal(TrainerCatalog.SimilarItemModels.Contains(name), model is ISimilarItems);
    }

    [Fact]
    public void SimilarItemModels_AreInTheCatalogOrder()
    {
        Assert.Equal(TrainerCatalog.Names.Where(TrainerCatalog.SimilarItemModels.Contains), TrainerCatalog.SimilarItemModels);
    }
}
