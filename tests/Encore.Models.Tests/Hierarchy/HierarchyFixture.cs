using Encore.Data.Model;
using Encore.Data.Synthetic;
using Encore.Evaluation.Protocols.SixCandidate;
using Encore.Models.Contract;
using Encore.Models.Hierarchy;
using Encore.Models.Training;

namespace Encore.Models.Tests.Hierarchy;

/// <summary>
/// The trained-model fixture shared by the hierarchy model tests and the hierarchy model-file fuzzing: the tiny synthetic
/// world (60 ratings per user, seed 5) with validation lists carved as <c>train --model hierarchy</c> does (seed 3), and
/// small learners so every predictor trains in a second.
/// </summary>
internal static class HierarchyFixture
{
    public static readonly MusicDataset World =
        SyntheticWorld.Generate(SyntheticWorldOptions.Tiny with { MeanRatingsPerUser = 60, Seed = 5 }).Dataset;

    private static readonly Lazy<TrainingData> LazyData = new(() => HierarchyTraining.Build(World, new SixCandidateOptions { Seed = 3 }).Data);

    /// <summary>The training data with validation lists (built once).</summary>
    public static TrainingData Data => LazyData.Value;

    /// <summary>A hierarchy model with <paramref name="predictor"/> and small learners (8 ALS factors, 3 sweeps, 10 trees of 8 leaves), one thread, seed 3.</summary>
    public static HierarchyModel Train(string predictor) => (HierarchyModel)TrainerCatalog.Create("hierarchy", new Dictionary<string, string>
    {
        ["predictor"] = predictor,
        ["als-factors"] = "8",
        ["als-iterations"] = "3",
        ["trees"] = "10",
        ["leaves"] = "8",
        ["minimum-per-leaf"] = "5",
        ["threads"] = "1",
        ["seed"] = "3",
    }).Fit(Data);
}
