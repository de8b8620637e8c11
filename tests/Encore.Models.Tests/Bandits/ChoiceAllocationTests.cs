using Encore.Core.Randomness;
using Encore.Models.Bandits;

namespace Encore.Models.Tests.Bandits;

/// <summary>Allocation budget of the serving path: a choice over 1,000 x 64 candidates allocates nothing once warm.</summary>
public sealed class ChoiceAllocationTests
{
    public static TheoryData<string> Policies => ["thompson", "linucb", "epsilon"];

    [Theory]
    [MemberData(nameof(Policies))]
    public void Choose_Warm_AllocatesNothing(string name)
    {
        const int d = 64, n = 1000;
        var rng = new Rng(3);
        var candidates = new float[n * d];
        for (var i = 0; i < candidates.Length; i++) candidates[i] = (float)rng.NextGaussian() / 8;
        var state = new RidgeValueFunction(d, 0.1);
        for (var t = 0; t < 50; t++) state.Update(candidates.AsSpan(rng.NextInt(n) * d, d), rng.NextDouble());
        IBanditPolicy policy = name switch
        {
            "thompson" => new ThompsonSamplingPolicy(0.5),
            "linucb" => new LinUcbPolicy(1),
            _ => new EpsilonGreedyPolicy(0.1),
        };
        for (var i = 0; i < 3; i++) policy.Choose(state, candidates, ref rng);
        var sum = 0;
        var allocated = SteadyAllocation.Fewest(() =>
        {
            for (var i = 0; i < 20; i++) sum += policy.Choose(state, candidates, ref rng).Index;
        });
        Assert.True(sum >= 0);
        Assert.Equal(0, allocated);
    }
}
