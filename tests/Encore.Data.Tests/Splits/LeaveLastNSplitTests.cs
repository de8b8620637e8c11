using Encore.Data.Splits;
using static Encore.Data.Tests.Splits.SplitFixtures;

namespace Encore.Data.Tests.Splits;

public class LeaveLastNSplitTests
{
    [Fact]
    public void Split_LastOne_LatestEventPerUserAndSingleEventUserStaysInTrain()
    {
        var events = Events((0, 0, 5), (0, 1, 1), (0, 2, 3), (1, 0, 9));

        var split = new LeaveLastNSplit(1).Split(events);

        Assert.Equal([0], split.TestRows);
        Assert.Equal([1, 2, 3], split.TrainRows);
    }

    [Fact]
    public void Split_DistinctItems_LongestSuffixWithNItems()
    {
        // user 0 in time order: a, b, a, c, c -> the suffix a, c, c holds 2 distinct items.
        var events = Events((0, 0, 1), (0, 1, 2), (0, 0, 3), (0, 2, 4), (0, 2, 5));

        var split = new LeaveLastNSplit(2, distinctItems: true).Split(events);

        Assert.Equal([2, 3, 4], split.TestRows);
        Assert.Equal([0, 1], split.TrainRows);
    }

    [Fact]
    public void Split_DistinctItemsCoverWholeHistory_UserStaysInTrain()
    {
        var events = Events((0, 0, 1), (0, 1, 2), (0, 0, 3));

        var split = new LeaveLastNSplit(2, distinctItems: true).Split(events);

        Assert.Empty(split.TestRows);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(3, false)]
    [InlineData(2, true)]
    public void Split_RandomEvents_PartitionAndNoFutureInTrainPerUser(int n, bool distinct)
    {
        var events = RandomEvents(2000, 40, 30);

        var split = new LeaveLastNSplit(n, distinct).Split(events);

        AssertPartition(events.Count, split.TrainRows, split.TestRows);
        for (var u = 0; u < 40; u++)
        {
            var train = split.TrainRows.Where(r => events.Users[r] == u).Select(r => events.Timestamps[r]).ToArray();
            var test = split.TestRows.Where(r => events.Users[r] == u).Select(r => events.Timestamps[r]).ToArray();
            if (test.Length == 0) continue;
            Assert.NotEmpty(train);
            Assert.True(train.Max() <= test.Min());
            if (!distinct) Assert.Equal(n, test.Length);
            else Assert.Equal(n, split.TestRows.Where(r => events.Users[r] == u).Select(r => events.Items[r]).Distinct().Count());
        }
    }

    [Fact]
    public void Constructor_ZeroN_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LeaveLastNSplit(0));
    }
}
