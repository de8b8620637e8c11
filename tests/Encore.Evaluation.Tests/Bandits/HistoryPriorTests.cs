using Encore.Data.Model;
using Encore.Evaluation.Bandits;
using Encore.Models.Bandits;

namespace Encore.Evaluation.Tests.Bandits;

public sealed class HistoryPriorTests
{
    private static EventTable Events(params (int User, int Item, EventKind Kind)[] rows)
    {
        var b = new EventTableBuilder();
        foreach (var (user, item, kind) in rows) b.Add(user, item, kind, Missing.Time, 0, 1f);
        return b.Build();
    }

    [Fact]
    public void FromEvents_PlayedTracksAreOnesAndNegativesAreUntouchedZeros()
    {
        var events = Events((7, 0, EventKind.Play), (7, 0, EventKind.Play), (7, 1, EventKind.Like), (7, 2, EventKind.Skip), (3, 4, EventKind.Play));
        var sut = HistoryPrior.FromEvents(events, [7, 3], items: 10, weight: 0.5, negativeRatio: 2, seed: 1);
        var user7 = sut.Of(0);
        Assert.Equal([0, 1], user7.Where(o => o.Reward == 1).Select(o => o.Item).Order());
        var negatives = user7.Where(o => o.Reward == 0).Select(o => o.Item).ToArray();
        Assert.Equal(4, negatives.Length);
        Assert.All(negatives, i => Assert.DoesNotContain(i, new[] { 0, 1, 2 }));
        Assert.Equal(negatives.Length, negatives.Distinct().Count());
        Assert.Equal([4], sut.Of(1).Where(o => o.Reward == 1).Select(o => o.Item));
        Assert.Equal("history w=0.5 neg=2", sut.Label);
    }

    [Fact]
    public void FromEvents_SameSeed_SameNegatives()
    {
        var events = Events((0, 1, EventKind.Play), (0, 2, EventKind.Play));
        var a = HistoryPrior.FromEvents(events, [0], 50, 1, 3, 9).Of(0);
        var b = HistoryPrior.FromEvents(events, [0], 50, 1, 3, 9).Of(0);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Apply_AddsWeightedObservations()
    {
        // One played track with vector (2, 0), weight 0.25: A = λI + 0.25·x xᵀ = diag(1 + 1, 1), b = 0.25·1·x = (0.5, 0).
        var events = Events((0, 0, EventKind.Play));
        var sut = HistoryPrior.FromEvents(events, [0], items: 1, weight: 0.25, negativeRatio: 0, seed: 1);
        var learner = new DisjointBanditLearner(new LinUcbPolicy(0), 2, 1);
        sut.Apply(learner, [2f, 0f]);
        var state = learner.State(0);
        Assert.Equal(0.5, state.Inverse[0], 6);
        Assert.Equal(0.25, state.Theta[0], 6);
        Assert.Equal(0, state.Theta[1], 6);
    }

    [Fact]
    public void FromEvents_BadWeight_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HistoryPrior.FromEvents(Events(), [0], 5, 0, 1, 1));
}
