using Encore.Core.Randomness;
using Encore.Data.Model;
using Encore.Models.Bandits;

namespace Encore.Evaluation.Bandits;

/// <summary>
/// Simulated exploration on a world whose true reward is known (the synthetic world's planted tastes):
/// each round serves the next user in turn, draws a uniform candidate set, lets the policy choose with that
/// user's ridge state, observes reward = true affinity + N(0, σ²), updates the state and records regret
/// against the best candidate. Candidate sets, noise and users come from one stream seeded by
/// <see cref="BanditSimulationOptions.Seed"/>, so every policy faces the same rounds; the policy's own
/// randomness has a separate stream.
/// </summary>
public static class BanditSimulation
{
    /// <param name="features">Row-major items x <paramref name="dimension"/> vectors the policies see.</param>
    /// <param name="dimension">Feature width.</param>
    /// <param name="trueReward">Expected reward of (simulated user index, item).</param>
    /// <param name="users">Real user indices to simulate (at least <see cref="BanditSimulationOptions.Users"/>).</param>
    /// <param name="policy">The policy under test.</param>
    /// <param name="options">Rounds, candidates, noise, seed.</param>
    /// <param name="ct">Cancellation.</param>
    public static BanditTrajectory Run(float[] features, int dimension, Func<int, int, double> trueReward, IReadOnlyList<int> users,
        IBanditPolicy policy, BanditSimulationOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Run(features, dimension, trueReward, users, new DisjointBanditLearner(policy, dimension, options.Regularization), options, ct);
    }

    /// <summary>Same as the policy overload for any learner (e.g. <see cref="HybridLinUcb"/>, whose shared part spans users); the learner must start empty.</summary>
    /// <param name="features">Row-major items x <paramref name="dimension"/> vectors the policies see.</param>
    /// <param name="dimension">Feature width.</param>
    /// <param name="trueReward">Expected reward of (simulated user index, item).</param>
    /// <param name="users">Real user indices to simulate (at least <see cref="BanditSimulationOptions.Users"/>).</param>
    /// <param name="learner">The learner under test (its own regularisation applies, not <see cref="BanditSimulationOptions.Regularization"/>).</param>
    /// <param name="options">Rounds, candidates, noise, seed.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="history">The users' logged events (dense user and track indices): with
    /// <see cref="BanditSimulationOptions.PriorWeight"/> &gt; 0 the learner is warm-started from them (<see cref="HistoryPrior"/>)
    /// before the first round; null or weight 0 = no warm start.</param>
    public static BanditTrajectory Run(float[] features, int dimension, Func<int, int, double> trueReward, IReadOnlyList<int> users,
        IBanditLearner learner, BanditSimulationOptions options, CancellationToken ct = default, EventTable? history = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(trueReward);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(options);
        if (learner.Dimension != dimension) throw new ArgumentException($"the learner expects {learner.Dimension}-wide vectors, the features are {dimension}-wide.", nameof(learner));
        var items = features.Length / dimension;
        if (items < options.Candidates) throw new ArgumentException($"{items} items cannot fill candidate sets of {options.Candidates}.", nameof(features));
        if (users.Count < options.Users) throw new ArgumentException($"{users.Count} users given, {options.Users} asked for.", nameof(users));
        if (history is not null && options.PriorWeight > 0)
            HistoryPrior.FromEvents(history, users.Take(options.Users).ToArray(), items, options.PriorWeight, options.PriorNegativeRatio, options.Seed).Apply(learner, features);
        var world = new Rng(options.Seed);
        var own = Rng.Fork(options.Seed, 1);
        var block = new float[options.Candidates * dimension];
        var picked = new int[options.Candidates];
        var expected = new double[options.Candidates];
        var reward = new double[options.Rounds];
        var regret = new double[options.Rounds];
        var mean = new double[options.Rounds];
        double totalReward = 0, totalRegret = 0;
        for (var t = 0; t < options.Rounds; t++)
        {
            if ((t & 255) == 0) ct.ThrowIfCancellationRequested();
            var slot = t % options.Users;
            var user = users[slot];
            var best = double.NegativeInfinity;
            for (var c = 0; c < picked.Length; c++)
            {
                picked[c] = world.NextInt(items);
                features.AsSpan(picked[c] * dimension, dimension).CopyTo(block.AsSpan(c * dimension, dimension));
                expected[c] = trueReward(user, picked[c]);
                best = Math.Max(best, expected[c]);
            }
            var noise = options.RewardNoise * world.NextGaussian();
            var choice = learner.Choose(slot, block, ref own);
            var observed = expected[choice.Index] + noise;
            learner.Update(slot, block.AsSpan(choice.Index * dimension, dimension), observed);
            totalReward += observed;
            totalRegret += best - expected[choice.Index];
            reward[t] = totalReward;
            regret[t] = totalRegret;
            mean[t] = totalReward / (t + 1);
        }
        return new BanditTrajectory(learner.Name, reward, regret, mean);
    }
}
