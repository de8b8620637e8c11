using Encore.Models.Factorization.Als;
using Encore.Models.Neighbourhood;
using Encore.Online.Retraining;

namespace Encore.Online.Tests.Retraining;

/// <summary>Retraining with catalogue settings (serve --settings tuned.ini): the named settings win, the rest keep the built-in values.</summary>
public sealed class RetrainSettingsTests
{
    [Fact]
    public void RetrainNow_TrainerSettings_TrainTheTunedModel()
    {
        using var scope = new EngineScope(
            o => o with
            {
                Retrain = new RetrainOptions
                {
                    Factors = 8,
                    Iterations = 5,
                    EvaluationUsers = 50,
                    TrainerSettings = new Dictionary<string, string> { ["factors"] = "6", ["regularization"] = "2.5" },
                    SettingsSource = "tuned.ini",
                },
            },
            baseDataset: new BaseDatasetSource(() => TestWorld.World.Dataset));

        var result = scope.Engine.Retrain.RetrainNow("main");

        var model = Assert.IsType<AlsModel>(scope.Engine.Registry.Active("main")!.Model);
        Assert.True(result.Activated);
        Assert.Equal(6, model.Dimensions);
        Assert.Equal(2.5f, model.Regularization);
        Assert.Contains(", settings from tuned.ini; ratings ignore (auto): the events are the signal; confidence ", scope.Engine.Registry.List("main")[0].Note, StringComparison.Ordinal);
    }

    /// <summary>
    /// Session 13 saw the demo service's ALS retrain score far below evaluate's ALS: the retrain trained with
    /// regularization 0.01 while train / evaluate use the model's default (20). Now the defaults agree.
    /// </summary>
    [Fact]
    public void Create_Defaults_TrainWhatEvaluateTrains()
    {
        var trainer = Assert.IsType<AlsTrainer>(TrainerFactory.Create(new RetrainOptions()));
        var defaults = new AlsOptions();

        Assert.Equal(defaults.Regularization, trainer.Options.Regularization);
        Assert.Equal(defaults.Factors, trainer.Options.Factors);
        Assert.Equal(defaults.Iterations, trainer.Options.Iterations);
        Assert.Equal(defaults.Alpha, trainer.Options.Alpha);
    }

    [Fact]
    public void Create_SettingsOverBuiltIns_KeepsTheUnnamedOnes()
    {
        var trainer = Assert.IsType<AlsTrainer>(TrainerFactory.Create(new RetrainOptions
        {
            Factors = 12,
            Iterations = 3,
            Alpha = 4,
            Seed = 9,
            TrainerSettings = new Dictionary<string, string> { ["Regularization"] = "40" },
        }));

        Assert.Equal(12, trainer.Options.Factors);
        Assert.Equal(3, trainer.Options.Iterations);
        Assert.Equal(4.0, trainer.Options.Alpha);
        Assert.Equal(40.0, trainer.Options.Regularization);
        Assert.Equal(9UL, trainer.Options.Seed);
    }

    [Fact]
    public void Create_ItemKnnSettings_Apply()
    {
        var trainer = Assert.IsType<ItemKnnTrainer>(TrainerFactory.Create(new RetrainOptions
        {
            Trainer = "item-knn",
            TrainerSettings = new Dictionary<string, string> { ["neighbours"] = "20" },
        }));

        Assert.Equal(20, trainer.Options.Neighbours);
    }

    [Fact]
    public void Create_UnknownSetting_ListsTheValidKeys()
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => TrainerFactory.Create(new RetrainOptions
        {
            TrainerSettings = new Dictionary<string, string> { ["lambda"] = "500" },
        }));

        Assert.Contains("factors", ex.Message, StringComparison.Ordinal);
    }
}
