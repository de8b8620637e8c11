using Encore.Core.Randomness;
using Encore.Evaluation.Bandits;
using Encore.Models.Bandits;

namespace Encore.Evaluation.Tests.Bandits;

public sealed class ReplayEvaluatorTests
{
    // A Yahoo! R3-shaped log made by hand: 300 users each shown 10 songs drawn uniformly from a 20-song
    // catalogue; song i "is liked" (reward 1) when its first feature is positive, and features are 2-d.
    private const int Songs = 20;

    private static float[] Features()
    {
        var values = new float[Songs * 2];
        for (var i = 0; i < Songs; i++)
        {
            values[i * 2] = i % 2 == 0 ? 1f : -1f;
            values[i * 2 + 1] = 1f;
        }
        return values;
    }

    private static List<LoggedEvent> Log()
    {
        var rng = new Rng(17);
        var all = Enumerable.Range(0, Songs).ToArray();
        var log = new List<LoggedEvent>();
        for (var u = 0; u < 300; u++)
            for (var r = 0; r < 10; r++)
            {
                var shown = rng.NextInt(Songs);
                log.Add(new LoggedEvent(u % 30, all, shown, shown % 2 == 0 ? 1 : 0));
            }
        return log;
    }

    [Fact]
    public void Replay_RandomPolicy_EstimateMatchesTheLogMean()
    {
        var log = Log();
        var logMean = log.Average(e => e.Reward);
        var sut = ReplayEvaluator.Evaluate(log, Features(), 2, new RandomPolicy(), seed: 3);
        Assert.InRange(sut.Matched, 100, 200); // about 3000 / 20
        Assert.InRange(logMean, sut.Low, sut.High);
        Assert.True(sut.Low < sut.MeanReward && sut.MeanReward < sut.High);
        Assert.Equal(sut.Matched, sut.RunningMean.Length);
    }

    [Fact]
    public void Replay_LearningPolicy_BeatsTheLogMean()
    {
        var log = Log();
        var sut = ReplayEvaluator.Evaluate(log, Features(), 2, new LinUcbPolicy(0.5));
        Assert.True(sut.Matched > 50);
        Assert.True(sut.MeanReward > 0.8, $"LinUCB replay estimate {sut.MeanReward:F3}");
    }

    [Fact]
    public void Replay_HybridLinUcb_BeatsTheLogMean()
    {
        var log = Log();
        var sut = ReplayEvaluator.Evaluate(log, Features(), 2, new HybridLinUcb(2, 0.3, 0.1, 0.1));
        Assert.Equal("hybrid-linucb(alpha=0.3)", sut.Policy);
        Assert.True(sut.Matched > 50);
        Assert.True(sut.MeanReward > 0.8, $"hybrid LinUCB replay estimate {sut.MeanReward:F3}");
        Assert.True(sut.Low < sut.MeanReward && sut.MeanReward <= sut.High);
    }

    /// <summary>
    /// <c>encore bandits replay toypiki_dataset.csv --model piki-als.bin</c> printed thompson's estimate 0.2000 with the
    /// interval [-0.1920, 0.5920]: a reward rate below zero (1 like in 5 matched events, mean ± 1.96 s/√m). 0/1 rewards
    /// now get Wilson's interval, inside [0, 1].
    /// </summary>
    [Fact]
    public void Replay_FewBinaryRewards_IntervalIsWilsonsInsideZeroOne()
    {
        // One candidate per event: every policy picks the shown song, so all five events match.
        List<LoggedEvent> log = [new(0, [0], 0, 1), new(0, [1], 1, 0), new(1, [2], 2, 0), new(1, [3], 3, 0), new(2, [4], 4, 0)];

        var sut = ReplayEvaluator.Evaluate(log, Features(), 2, new RandomPolicy());

        Assert.Equal((5, 0.2), (sut.Matched, sut.MeanReward));
        Assert.Equal(Encore.Evaluation.Statistics.WilsonInterval.Of(0.2, 5), (sut.Low, sut.High));
        Assert.InRange(sut.Low, 0.0, sut.MeanReward);
    }

    [Fact]
    public void Replay_NonBinaryRewards_KeepTheNormalInterval()
    {
        List<LoggedEvent> log = [new(0, [0], 0, 0.5), new(0, [1], 1, 1.5), new(1, [2], 2, 2.5)];

        var sut = ReplayEvaluator.Evaluate(log, Features(), 2, new RandomPolicy());

        var half = 1.959964 * 1.0 / Math.Sqrt(3);
        Assert.Equal(1.5 - half, sut.Low, 9);
        Assert.Equal(1.5 + half, sut.High, 9);
    }

    [Fact]
    public void Replay_ShownItemNotACandidate_Throws()
    {
        List<LoggedEvent> log = [new(0, [1, 2], 3, 1)];
        var error = Assert.Throws<ArgumentException>(() => ReplayEvaluator.Evaluate(log, Features(), 2, new RandomPolicy()));
        Assert.Contains("log event 1", error.Message, StringComparison.Ordinal);
    }
}
