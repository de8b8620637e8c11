using Encore.Core.Randomness;
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
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(trueReward);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        var items = features.Length / dimension;
        if (items < options.Candidates) throw new ArgumentException($"{items} items cannot fill candidate sets of {options.Candidates}.", nameof(features));
        if (users.Count < options.Users) throw new ArgumentException($"{users.Count} users given, {options.Users} asked for.", nameof(users));
        var states = new RidgeValueFunction[options.Users];
        for (var u = 0; u < states.Length; u++) states[u] = new RidgeValueFunction(dimension, options.Regularization);
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
            var choice = policy.Choose(states[slot], block, ref own);
            var observed = expected[choice.Index] + noise;
            states[slot].Update(block.AsSpan(choice.Index * dimension, dimension), observed);
            totalReward += observed;
            totalRegret += best - expected[choice.Index];
            reward[t] = totalReward;
            regret[t] = totalRegret;
            mean[t] = totalReward / (t + 1);
        }
        return new BanditTrajectory(policy.Name, reward, regret, mean);
    }
}
