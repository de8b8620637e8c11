using Encore.Evaluation.Metrics;

namespace Encore.Evaluation.Tests.Metrics;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void RocAuc_TextbookExample_IsThreeQuarters()
    {
        // Ranks 1..4 for 0.1, 0.35, 0.4, 0.8; positives at ranks 2 and 4: (6 - 3) / (2 * 2) = 0.75.
        Assert.Equal(0.75, ClassificationMetrics.RocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true]), 12);
    }

    [Fact]
    public void RocAuc_TieAcrossClasses_CountsOneHalf()
    {
        // Pairs (pos, neg): (0.5, 0.5) tie -> 0.5, (0.5, 0.2) -> 1, (0.9, 0.5) -> 1, (0.9, 0.2) -> 1: 3.5 / 4.
        Assert.Equal(0.875, ClassificationMetrics.RocAuc([0.5, 0.5, 0.2, 0.9], [true, false, false, true]), 12);
        Assert.Equal(0.5, ClassificationMetrics.RocAuc([0.3, 0.3], [true, false]), 12);
    }

    [Fact]
    public void RocAuc_OneClassOnly_IsNaN()
    {
        Assert.True(double.IsNaN(ClassificationMetrics.RocAuc([0.1, 0.9], [true, true])));
        Assert.True(double.IsNaN(ClassificationMetrics.RocAuc([0.1, 0.9], [false, false])));
        Assert.True(double.IsNaN(ClassificationMetrics.RocAuc([], [])));
    }

    [Fact]
    public void RocAuc_PerfectAndReversed_AreOneAndZero()
    {
        Assert.Equal(1.0, ClassificationMetrics.RocAuc([0.1, 0.2, 0.8], [false, false, true]), 12);
        Assert.Equal(0.0, ClassificationMetrics.RocAuc([0.9, 0.2, 0.1], [false, false, true]), 12);
    }

    [Fact]
    public void AccuracyAt_Threshold_CountsScoreEqualToThresholdAsPositive()
    {
        // Predictions at 0.5: [0, 1, 1, 1] vs labels [0, 0, 1, 1] -> 3 / 4.
        Assert.Equal(0.75, ClassificationMetrics.AccuracyAt([0.1, 0.5, 0.6, 0.9], [false, false, true, true]), 12);
        Assert.Equal(1.0, ClassificationMetrics.AccuracyAt([0.1, 0.5, 0.6, 0.9], [false, false, true, true], 0.55), 12);
    }

    [Fact]
    public void LogLoss_HandWorked()
    {
        var expected = -(Math.Log(0.8) + Math.Log(1 - 0.3)) / 2;
        Assert.Equal(expected, ClassificationMetrics.LogLoss([0.8, 0.3], [true, false]), 12);
    }

    [Fact]
    public void LogLoss_ConfidentMiss_IsClippedAndFinite()
    {
        var loss = ClassificationMetrics.LogLoss([0.0], [true]);
        Assert.Equal(-Math.Log(ClassificationMetrics.LogLossEpsilon), loss, 9);
        Assert.True(double.IsFinite(ClassificationMetrics.LogLoss([1.0], [false])));
    }

    [Fact]
    public void RocAuc_MismatchedLengthsOrNaN_Throws()
    {
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.RocAuc([0.1], [true, false]));
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.RocAuc([double.NaN, 0.2], [true, false]));
    }

    [Fact]
    public void SixCandidateAccuracy_HandWorked()
    {
        // User 1: top 3 = candidates 0, 1, 2 (all liked) -> 6 / 6.
        // User 2: top 3 by score = candidates 0, 3, 4; liked are 0, 1, 2 -> 0 right, 3 and 4 wrong, 1 and 2 wrong, 5 right: 2 / 6.
        double[] scores = [0.9, 0.8, 0.7, 0.3, 0.2, 0.1, 0.9, 0.1, 0.2, 0.8, 0.7, 0.05];
        bool[] labels = [true, true, true, false, false, false, true, true, true, false, false, false];
        Assert.Equal(8.0 / 12, SixCandidateAccuracy.Compute(scores, labels), 12);
    }

    [Fact]
    public void SixCandidateAccuracy_TiedScores_KeepEarlierCandidate()
    {
        Assert.Equal(1.0, SixCandidateAccuracy.Compute([0.5, 0.5, 0.5, 0.5, 0.5, 0.5], [true, true, true, false, false, false]), 12);
    }

    [Fact]
    public void SixCandidateAccuracy_PartialBlock_Throws()
    {
        Assert.Throws<ArgumentException>(() => SixCandidateAccuracy.Compute([0.1, 0.2], [true, false]));
    }
}
