using Encore.Core.Randomness;
using Encore.Data.Model;
using Encore.Data.Synthetic;
using Encore.Online.Experiments;
using Encore.Online.Feedback;

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
    private const int Candidates = 40;
    private const int K = 10;

    private static readonly Lazy<SyntheticWorld> World = new(() =>
        SyntheticWorld.Generate(SyntheticWorldOptions.Tiny with { Users = Users, TargetEvents = 20_000 }));

    private static readonly Lazy<(double Mean, double Sd)> Affinity = new(() =>
    {
        var rng = new Rng(99);
        var values = new double[20_000];
        for (var i = 0; i < values.Length; i++) values[i] = World.Value.TrueAffinity(rng.NextInt(Users), rng.NextInt(World.Value.Options.Tracks));
        var mean = values.Average();
        return (mean, Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1)));
    });

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
        var (low, high) = report.Variants[0].PlayRate.Interval();
        Assert.InRange(report.Variants[0].PlayRate.Value, low, high);
        Assert.True(report.Variants[1].PlayRate.Value > report.Variants[0].PlayRate.Value);
    }

    private static AbReport Simulate(int seed, bool treatmentIsBetter)
    {
        var world = World.Value;
        var (mean, sd) = Affinity.Value;
        var experiment = new AbExperiment
        {
            Name = $"sim-{seed}",
            Variants = [new AbVariant("control", 0.5, Model: "a"), new AbVariant("treatment", 0.5, Model: "b")],
        };
        var ledger = new AbLedger(TimeSpan.FromHours(1));
        var rng = new Rng((ulong)seed);
        var candidates = new int[Candidates];
        var events = new List<StoredEvent>();
        var listId = 0;
        for (var user = 0; user < Users; user++)
        {
            var id = "u" + user;
            var variant = AbAssignment.Assign(experiment, id);
            for (var session = 0; session < Sessions; session++)
            {
                for (var c = 0; c < Candidates; c++) candidates[c] = rng.NextInt(world.Options.Tracks);
                var shown = variant == 1 && treatmentIsBetter
                    ? candidates.OrderByDescending(t => world.TrueAffinity(user, t)).Take(K).ToArray()
                    : candidates.Take(K).ToArray();
                var servedMs = 1_000_000L * session;
                ledger.Record(new ServedList($"l{listId++}", experiment.Name, experiment.Variants[variant].Name, id, [.. shown.Select(t => "t" + t)], servedMs));
                foreach (var track in shown)
                {
                    var p = 1 / (1 + Math.Exp(-((world.TrueAffinity(user, track) - mean) / sd - 2)));
                    var kind = rng.NextDouble() < p ? EventKind.Play : rng.NextDouble() < 0.3 ? EventKind.Skip : (EventKind?)null;
                    if (kind is { } k) events.Add(new StoredEvent(null, id, "t" + track, k, servedMs + 60_000, null, null));
                }
            }
        }
        ledger.Attribute(events);
        return AbAnalysis.Analyse(experiment, ledger);
    }
}
