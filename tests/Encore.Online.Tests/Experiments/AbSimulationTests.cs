using Encore.Data.Synthetic;
using Encore.Online.Experiments;

namespace Encore.Online.Tests.Experiments;

/// <summary>
/// A/B tests on the synthetic world, where each user's true affinity to each track is known. Every user has 4
/// sessions; a session draws 40 candidate tracks and the variant shows 10 of them: "random" shows the first 10,
/// "better" the 10 with the highest true affinity. The simulated user plays a shown track with probability
/// σ((affinity − μ) / s − 2) (μ, s: mean and deviation of affinity over random pairs; a base rate near 12 %) and
/// skips 30 % of the rest. The pipeline under test is the real one: hash assignment, served lists, attribution of
/// play / skip events to the list that showed the track, the delta-method z-test at α = 0.05.
/// </summary>
public sealed class AbSimulationTests
{
    private const int Users = 1000;
    private const int Sessions = 4;
    private const int K = 10;

    private static readonly Lazy<SyntheticWorld> World = new(() =>
        SyntheticWorld.Generate(SyntheticWorldOptions.Tiny with { Users = Users, TargetEvents = 20_000 }));

    private static readonly Lazy<AbSimulation> Simulation = new(() => new AbSimulation(World.Value));

    [Fact]
    public void PlantedBetterVariant_IsDetectedInEveryOfTenSeededRepeats()
    {
        var detected = 0;
        for (var repeat = 0; repeat < 10; repeat++)
        {
            var report = Simulate(repeat, treatmentIsBetter: true);
            var play = report.Comparisons.Single(c => c.Metric == "play_rate").Result;
            if (play.Significant && play.Difference > 0) detected++;
        }
        Assert.Equal(10, detected);
    }

    [Fact]
    public void IdenticalVariants_AreSignificantAtMostAtTheStatedRate()
    {
        // 40 seeded A/A repeats at alpha = 0.05: 2 false positives expected; more than 6 has probability 1.4 %
        // under a calibrated test (binomial), so it means the variance is underestimated.
        var falsePositives = 0;
        for (var repeat = 0; repeat < 40; repeat++)
            if (Simulate(1000 + repeat, treatmentIsBetter: false).Comparisons.Single(c => c.Metric == "play_rate").Result.Significant) falsePositives++;
        Assert.InRange(falsePositives, 0, 6);
    }

    [Fact]
    public void Report_GivesEachVariantItsUsersImpressionsAndIntervals()
    {
        var report = Simulate(7, treatmentIsBetter: true);
        Assert.Equal(["control", "treatment"], report.Variants.Select(v => v.Variant));
        Assert.Equal(Users, report.Variants.Sum(v => v.Users));
        Assert.All(report.Variants, v => Assert.Equal((long)v.Users * Sessions * K, v.Impressions));
        var play = report.Variants[0].PlayRate;
        Assert.InRange(play.Value, play.Low95!.Value, play.High95!.Value);
        Assert.InRange(play.Low95!.Value, 0, 1);
        Assert.InRange(play.High95!.Value, 0, 1);
        Assert.True(report.Variants[1].PlayRate.Value > report.Variants[0].PlayRate.Value);
    }

    private static AbReport Simulate(int seed, bool treatmentIsBetter) => Simulation.Value.Run((ulong)seed, treatmentIsBetter);
}
