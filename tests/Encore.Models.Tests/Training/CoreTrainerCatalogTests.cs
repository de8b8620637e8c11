using Encore.Models.Factorization.Als;
using Encore.Models.Training;

namespace Encore.Models.Tests.Training;

/// <summary>The Native AOT host's catalog: a subset of <see cref="TrainerCatalog"/> in the same order, whose names and
/// settings mean exactly what they mean there.</summary>
public sealed class CoreTrainerCatalogTests
{
    [Fact]
    public void Names_AreTheMatrixOnlyModels_InTrainerCatalogOrder()
    {
        Assert.Equal(["popularity", "item-knn", "user-knn", "ease", "rp3beta", "als", "wmf", "bpr", "lmf"], CoreTrainerCatalog.Names);
        Assert.Equal(CoreTrainerCatalog.Names, TrainerCatalog.Names.Where(CoreTrainerCatalog.Names.Contains));
    }

    [Fact]
    public void Settings_EqualTrainerCatalogs_ForEveryModel()
    {
        foreach (var name in CoreTrainerCatalog.Names)
        {
            Assert.Equal(TrainerCatalog.Settings(name), CoreTrainerCatalog.Settings(name));
            Assert.Equal(name, CoreTrainerCatalog.Create(name).ModelName);
            Assert.Equal(TrainerCatalog.Create(name).GetType(), CoreTrainerCatalog.Create(name).GetType());
        }
    }

    [Fact]
    public void Create_AppliesSettingsAsTrainerCatalog()
    {
        var trainer = (AlsTrainer)CoreTrainerCatalog.Create("ALS", SettingPairs.Parse(["factors=16", "cg-steps=4", "seed=9"]));
        Assert.Equal(16, trainer.Options.Factors);
        Assert.Equal(4, trainer.Options.CgSteps);
        Assert.Equal(9UL, trainer.Options.Seed);
    }

    [Fact]
    public void Create_ModelOutsideTheSet_ThrowsListingItsNames()
    {
        var message = Assert.Throws<ArgumentException>(() => CoreTrainerCatalog.Create("funnel")).Message;
        Assert.Contains("unknown model 'funnel'", message, StringComparison.Ordinal);
        Assert.Contains("popularity, item-knn, user-knn, ease, rp3beta, als, wmf, bpr, lmf", message, StringComparison.Ordinal);
        Assert.Contains("full encore CLI", message, StringComparison.Ordinal);
    }

    [Fact]
    public void SettingPairs_LastValueWins_KeysIgnoreCase()
    {
        var settings = SettingPairs.Parse(["Factors=8", " factors = 12 "]);
        Assert.Equal("12", settings["FACTORS"]);
        Assert.Throws<ArgumentException>(() => SettingPairs.Parse(["=3"]));
    }
}
