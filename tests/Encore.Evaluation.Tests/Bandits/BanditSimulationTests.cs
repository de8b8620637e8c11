using Encore.Data.Synthetic;
using Encore.Evaluation.Bandits;
using Encore.Models.Bandits;

namespace Encore.Evaluation.Tests.Bandits;

public sealed class BanditSimulationTests
{
    private static readonly SyntheticWorld World = SyntheticWorld.Generate(SyntheticWorldOptions.Tiny);

    private static BanditSimulationOptions Options(ulong seed, int rounds = 2000) =>
        new() { Rounds = rounds, Seed = seed, Regularization = BanditDefaults.Regularization };

    private static BanditTrajectory Run(IBanditPolicy policy, ulong seed, int rounds = 2000)
    {
        var info = World.Dataset.TrackInfo;
        return BanditSimulation.Run(info.Embeddings, info.EmbeddingDimension, (u, i) => World.TrueAffinity(u, i), Enumerable.Range(0, 10).ToArray(), policy,
            Options(seed, rounds));
    }

    private static BanditTrajectory Run(IBanditLearner learner, ulong seed, int rounds = 2000)
    {
        var info = World.Dataset.TrackInfo;
        return BanditSimulation.Run(info.Embeddings, info.EmbeddingDimension, (u, i) => World.TrueAffinity(u, i), Enumerable.Range(0, 10).ToArray(), learner,
            Options(seed, rounds));
    }

    private static BanditTrajectory RunWithPrior(IBanditPolicy policy, ulong seed, double weight = BanditDefaults.PriorWeight)
    {
        var info = World.Dataset.TrackInfo;
        var options = Options(seed) with { PriorWeight = weight, PriorNegativeRatio = BanditDefaults.PriorNegativeRatio };
        return BanditSimulation.Run(info.Embeddings, info.EmbeddingDimension, (u, i) => World.TrueAffinity(u, i), Enumerable.Range(0, 10).ToArray(),
            new DisjointBanditLearner(policy, info.EmbeddingDimension, BanditDefaults.Regularization), options, default, World.Dataset.Events);
    }

    // α = 0.1, λ = 0.1 and the history prior (w = 0.05, 3 negatives per played track) were chosen on seeds 101-110
    // (BanditDefaults); these seeds were not looked at while tuning. Every policy gets the same prior. On the tuning
    // seeds LinUCB / ε-greedy(0.1) was 0.45-0.53 (mean 0.50): the 0.5 is the mean, not a per-seed bound,
    // because any linear policy on these vectors keeps ~0.06 regret per round (bench/results/bandits-simulation.md),
    // so the bound is what the tuning seeds support (max 0.53 -> 0.55), not a number fitted to these seeds.
    [Theory]
    [InlineData(21UL)]
    [InlineData(22UL)]
    [InlineData(23UL)]
    public void Simulation_TinyWorld_LinUcbRegretWellBelowEpsilonGreedyAndFarBelowRandom(ulong seed)
    {
        var linUcb = RunWithPrior(new LinUcbPolicy(BanditDefaults.LinUcbAlpha), seed).FinalRegret;
        var epsilon = RunWithPrior(new EpsilonGreedyPolicy(0.1), seed).FinalRegret;
        var random = RunWithPrior(new RandomPolicy(), seed).FinalRegret;
        Assert.True(linUcb <= 0.55 * epsilon, $"seed {seed}: LinUCB regret {linUcb:F1}, epsilon-greedy {epsilon:F1}");
        Assert.True(linUcb <= 0.12 * random, $"seed {seed}: LinUCB regret {linUcb:F1}, random {random:F1}");
    }

    private static readonly Lazy<SyntheticWorld> SmallWorld = new(() => SyntheticWorld.Generate(SyntheticWorldOptions.Small));

    private static double RunSmall(IBanditPolicy policy, ulong seed)
    {
        var world = SmallWorld.Value;
        var info = world.Dataset.TrackInfo;
        var options = new BanditSimulationOptions
        {
            Seed = seed,
            Regularization = BanditDefaults.Small.Regularization,
            PriorWeight = BanditDefaults.PriorWeight,
            PriorNegativeRatio = BanditDefaults.PriorNegativeRatio,
        };
        return BanditSimulation.Run(info.Embeddings, info.EmbeddingDimension, (u, i) => world.TrueAffinity(u, i), Enumerable.Range(0, 10).ToArray(),
            new DisjointBanditLearner(policy, info.EmbeddingDimension, BanditDefaults.Small.Regularization), options, default, world.Dataset.Events).FinalRegret;
    }

    // The target on the small (demo) world: λ = 1 and α = 0.05 were chosen on seeds 101-110 only, where
    // LinUCB / ε-greedy was 0.35-0.40; seeds 21-25 were run once after that (0.35-0.42, bench/results/bandits-simulation.md).
    // ε-greedy keeps ε = 0.1 over the same vectors, ridge learner, λ and history prior. Seeded and deterministic.
    [Theory]
    [InlineData(21UL)]
    [InlineData(22UL)]
    [InlineData(23UL)]
    [InlineData(24UL)]
    [InlineData(25UL)]
    public void Simulation_SmallWorld_LinUcbRegretAtMostHalfOfEpsilonGreedyAndFarBelowRandom(ulong seed)
    {
        var linUcb = RunSmall(new LinUcbPolicy(BanditDefaults.Small.LinUcbAlpha), seed);
        var epsilon = RunSmall(new EpsilonGreedyPolicy(0.1), seed);
        var random = RunSmall(new RandomPolicy(), seed);
        Assert.True(linUcb <= 0.5 * epsilon, $"seed {seed}: LinUCB regret {linUcb:F1}, epsilon-greedy {epsilon:F1}");
        Assert.True(linUcb <= 0.1 * random, $"seed {seed}: LinUCB regret {linUcb:F1}, random {random:F1}");
    }

    [Theory]
    [InlineData(21UL)]
    [InlineData(22UL)]
    public void Simulation_HistoryPrior_LowersLinUcbRegret(ulong seed)
    {
        var cold = RunWithPrior(new LinUcbPolicy(BanditDefaults.LinUcbAlpha), seed, weight: 0).FinalRegret;
        var warm = RunWithPrior(new LinUcbPolicy(BanditDefaults.LinUcbAlpha), seed).FinalRegret;
        Assert.True(warm < 0.95 * cold, $"seed {seed}: warm {warm:F1}, cold {cold:F1}");
    }

    [Theory]
    [InlineData(21UL)]
    [InlineData(22UL)]
    public void Simulation_HybridLinUcb_BelowEpsilonGreedyAndFarBelowRandom(ulong seed)
    {
        var d = World.Dataset.TrackInfo.EmbeddingDimension;
        var hybrid = Run(new HybridLinUcb(d, 0.3, BanditDefaults.Regularization, BanditDefaults.Regularization), seed);
        var epsilon = Run(new EpsilonGreedyPolicy(0.1), seed).FinalRegret;
        var random = Run(new RandomPolicy(), seed).FinalRegret;
        Assert.Equal("hybrid-linucb(alpha=0.3)", hybrid.Policy);
        Assert.True(hybrid.FinalRegret <= 0.75 * epsilon, $"seed {seed}: hybrid regret {hybrid.FinalRegret:F1}, epsilon-greedy {epsilon:F1}");
        Assert.True(hybrid.FinalRegret <= 0.15 * random, $"seed {seed}: hybrid regret {hybrid.FinalRegret:F1}, random {random:F1}");
    }

    [Fact]
    public void Simulation_PolicyAndDisjointLearner_SameTrajectory()
    {
        var d = World.Dataset.TrackInfo.EmbeddingDimension;
        var a = Run(new LinUcbPolicy(0.2), 5, 300);
        var b = Run(new DisjointBanditLearner(new LinUcbPolicy(0.2), d, BanditDefaults.Regularization), 5, 300);
        Assert.Equal(a.CumulativeRegret, b.CumulativeRegret);
    }

    [Fact]
    public void Simulation_SameSeed_SameTrajectory()
    {
        var a = Run(new ThompsonSamplingPolicy(0.2), 9, 300);
        var b = Run(new ThompsonSamplingPolicy(0.2), 9, 300);
        Assert.Equal(a.CumulativeRegret, b.CumulativeRegret);
        Assert.Equal(300, a.Rounds);
        Assert.Equal("thompson(v=0.2)", a.Policy);
    }

    [Fact]
    public void Simulation_RegretIsNonDecreasing()
    {
        var t = Run(new EpsilonGreedyPolicy(0.1), 4, 500);
        for (var i = 1; i < t.Rounds; i++) Assert.True(t.CumulativeRegret[i] >= t.CumulativeRegret[i - 1] - 1e-12);
    }

    [Fact]
    public void Simulation_LearnerOfAnotherWidth_Throws()
    {
        var info = World.Dataset.TrackInfo;
        var error = Assert.Throws<ArgumentException>(() => BanditSimulation.Run(info.Embeddings, info.EmbeddingDimension, (u, i) => 0, [0],
            new HybridLinUcb(3), new BanditSimulationOptions { Users = 1, Rounds = 5 }));
        Assert.Contains("3-wide", error.Message, StringComparison.Ordinal);
    }
}
