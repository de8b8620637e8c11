using Encore.Evaluation.Bandits;
using Encore.Models.Bandits;
using Encore.Tests.Shared;

namespace Encore.Evaluation.Tests.Bandits;

/// <summary>Replay on the only real random-exposure rows in ../shared: PIKI's toy file, personalized = 0.</summary>
public sealed class PikiReplayTests
{
    [SharedDataFact]
    public void Replay_ToyPikiRandomRows_RandomEstimateMatchesTheLogMean()
    {
        var log = ExposureLog.Read(SharedData.Path("piki-music", "toypiki_dataset.csv"));
        Assert.Equal(ExposureLogFormat.Piki, log.Format);
        Assert.Equal(19, log.Rows.Count); // 26 rows, 7 personalized
        Assert.Equal(7, log.SkippedRows);
        // No song vectors exist for PIKI: one constant feature, so only the estimator is under test.
        var replay = ReplayLog.Build(log, _ => new float[] { 1f }, 1, log.DefaultThreshold, 42);
        Assert.Equal(1, replay.DroppedUsers); // user 3728217 saw one random song
        Assert.Equal(18, replay.Events.Count);
        var sut = ReplayEvaluator.Evaluate(replay.Events, replay.Features, 1, new RandomPolicy(), 1, 42);
        Assert.True(sut.Matched > 0);
        Assert.InRange(replay.LogMeanReward, sut.Low - 1e-9, sut.High + 1e-9);
    }
}
