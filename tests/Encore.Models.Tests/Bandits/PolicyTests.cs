using Encore.Core.Randomness;
using Encore.Models.Bandits;

namespace Encore.Models.Tests.Bandits;

public sealed class PolicyTests
{
    // Three 2-d candidates; the state has learnt that the first dimension pays.
    private static RidgeValueFunction Learnt()
    {
        var state = new RidgeValueFunction(2);
        for (var t = 0; t < 20; t++) state.Update([1, 0], 1);
        return state;
    }

    private static readonly float[] Candidates = [1, 0, 0, 1, 0.5f, 0.5f];

    [Fact]
    public void Greedy_PicksHighestPredictedValue()
    {
        var rng = new Rng(1);
        var choice = new EpsilonGreedyPolicy(0).Choose(Learnt(), Candidates, ref rng);
        Assert.Equal(0, choice.Index);
        Assert.True(choice.Value > 0.9f);
    }

    [Fact]
    public void LinUcb_LargeAlpha_ExploresTheUnseenDirection()
    {
        var rng = new Rng(1);
        Assert.Equal(0, new LinUcbPolicy(0).Choose(Learnt(), Candidates, ref rng).Index);
        var choice = new LinUcbPolicy(10).Choose(Learnt(), Candidates, ref rng);
        Assert.Equal(1, choice.Index);
        Assert.True(choice.Uncertainty > 0.9f, $"uncertainty {choice.Uncertainty}");
    }

    [Fact]
    public void LinUcb_ScoresMatchTheFormula()
    {
        var state = Learnt();
        state.Update([0.3f, 0.7f], 0.2);
        var rng = new Rng(1);
        var scratch = new float[2];
        var choice = new LinUcbPolicy(1.5).Choose(state, Candidates, ref rng);
        var best = Enumerable.Range(0, 3).MaxBy(c =>
        {
            var x = Candidates.AsSpan(c * 2, 2);
            return state.Predict(x) + 1.5 * Math.Sqrt(state.Variance(x, scratch));
        });
        Assert.Equal(best, choice.Index);
    }

    [Fact]
    public void Thompson_SameSeedSameChoices_AndMostlyExploitsALearntState()
    {
        var policy = new ThompsonSamplingPolicy(0.1);
        var state = Learnt();
        var a = new Rng(5);
        var b = new Rng(5);
        var firsts = 0;
        for (var t = 0; t < 100; t++)
        {
            var ca = policy.Choose(state, Candidates, ref a);
            Assert.Equal(ca.Index, policy.Choose(state, Candidates, ref b).Index);
            if (ca.Index == 0) firsts++;
        }
        Assert.True(firsts > 80, $"{firsts} of 100");
    }

    [Fact]
    public void EpsilonGreedy_EpsilonOne_IsUniform()
    {
        var rng = new Rng(3);
        var counts = new int[3];
        var policy = new EpsilonGreedyPolicy(1);
        for (var t = 0; t < 3000; t++) counts[policy.Choose(Learnt(), Candidates, ref rng).Index]++;
        Assert.All(counts, c => Assert.InRange(c, 850, 1150));
    }

    [Fact]
    public void Choose_EmptyOrRaggedBlock_Throws()
    {
        var rng = new Rng(1);
        Assert.Throws<ArgumentException>(() => new RandomPolicy().Choose(Learnt(), [], ref rng));
        Assert.Throws<ArgumentException>(() => new LinUcbPolicy().Choose(Learnt(), [1, 2, 3], ref rng));
    }
}
