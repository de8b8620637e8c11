using Encore.Models.Group;

namespace Encore.Models.Tests.Group;

public sealed class ExpectedPlaysTests
{
    // Member played item 0 three times and item 1 once (activity N = 4). Unplayed positive scores: items 2 (0.6) and
    // 3 (0.2), mass 0.8. rho = 0.5: E = 0.5 c + 0.5 * 4 * s / 0.8 = [1.5, 0.5, 1.5, 0.5, 0] (item 4 scores below 0).
    private static readonly float[] Scores = [0.9f, 0.5f, 0.6f, 0.2f, -0.1f];

    [Fact]
    public void ForMember_HandWorked()
    {
        var sut = ExpectedPlays.ForMember(Scores, [0, 1], [3f, 1f], 0.5);

        Assert.Equal([1.5f, 0.5f, 1.5f, 0.5f, 0f], sut);
    }

    [Fact]
    public void ForMember_NonCandidatesStayNaNAndLeaveTheMass()
    {
        float[] scores = [0.9f, 0.5f, 0.6f, float.NaN, -0.1f];

        var sut = ExpectedPlays.ForMember(scores, [0, 1], [3f, 1f], 0.5);

        // Mass 0.6 without item 3: item 2 gets 0.5 * 4 * 0.6 / 0.6 = 2.
        Assert.Equal(1.5f, sut[0]);
        Assert.Equal(2f, sut[2], 5);
        Assert.True(float.IsNaN(sut[3]));
    }

    [Fact]
    public void ForMember_EmptyHistoryCountsOnePlayAndSkipsAreIgnored()
    {
        var sut = ExpectedPlays.ForMember(Scores, [4], [-1f], 0);

        // No positive play: activity 1, every unplayed positive score shares it: 0.9 + 0.5 + 0.6 + 0.2 = 2.2.
        Assert.Equal(1f, sut[..4].Sum(), 5);
        Assert.Equal(0.9f / 2.2f, sut[0], 5);
        Assert.Equal(0f, sut[4]);
    }

    [Fact]
    public void ForMember_BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => ExpectedPlays.ForMember(Scores, [0], [], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExpectedPlays.ForMember(Scores, [], [], 1.5));
    }

    [Fact]
    public void Aggregate_AHeavyRepeaterOutweighsAScatteredListener()
    {
        // m0 replays items 0 and 1 ten times each; m1 played items 2..5 once each. Model scores are flat.
        float[] flat = [1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f];
        var histories = new List<(int[] Items, float[] Values)> { ([0, 1], [10f, 10f]), ([2, 3, 4, 5], [1f, 1f, 1f, 1f]) };

        var sut = ScoreTableAggregator.Aggregate([flat, (float[])flat.Clone()], 3,
            new GroupOptions { Strategy = GroupStrategy.ExpectedPlays }, histories);

        // m0: 5 on items 0, 1 and 0.5 * 20 / 6 = 1.667 on 2..7; m1: 0.5 on 2..5 and 0.5 * 4 / 4 = 0.5 on 0, 1, 6, 7.
        Assert.Equal([0, 1, 2], sut.Items);
        Assert.Equal(5.5f, sut.Scores[0], 4);
        Assert.Equal(1f / 6 * 10 + 0.5f, sut.Scores[2], 4);
    }

    [Fact]
    public void Aggregate_HistoryCountMustMatch()
    {
        float[] row = [1f, 2f];

        Assert.Throws<ArgumentException>(() => ScoreTableAggregator.Aggregate([row], 1,
            new GroupOptions { Strategy = GroupStrategy.ExpectedPlays }, [([0], [1f]), ([1], [1f])]));
    }
}
