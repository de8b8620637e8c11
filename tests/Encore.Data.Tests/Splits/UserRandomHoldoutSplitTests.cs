using Encore.Core.Ids;
using Encore.Core.Interactions;
using Encore.Data.Splits;
using static Encore.Data.Tests.Splits.SplitFixtures;

namespace Encore.Data.Tests.Splits;

public class UserRandomHoldoutSplitTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 1)]
    [InlineData(5, 1)]
    [InlineData(10, 2)]
    [InlineData(13, 3)]
    [InlineData(100, 20)]
    public void HoldoutCount_PeersRule_RoundClampedToOneAndNMinusOne(int n, int expected)
    {
        Assert.Equal(expected, HoldoutCount.Of(n, 0.2));
    }

    [Fact]
    public void Split_RandomMatrix_PartitionAndPerUserCounts()
    {
        var input = RandomMatrix();

        var split = new UserRandomHoldoutSplit(0.2, seed: 42).Split(input);

        AssertEntryPartition(input, split.Train, split.Test);
        for (var u = 0; u < input.Rows; u++)
        {
            var n = input.RowLength(u);
            Assert.Equal(HoldoutCount.Of(n, 0.2), split.Test.RowLength(u));
            if (n >= 2)
            {
                Assert.True(split.Train.RowLength(u) >= 1);
                Assert.True(split.Test.RowLength(u) >= 1);
            }
            else
            {
                Assert.Equal(n, split.Train.RowLength(u));
            }
        }
    }

    [Fact]
    public void Split_SameSeed_SameSplitDifferentSeed_Different()
    {
        var input = RandomMatrix();

        var a = new UserRandomHoldoutSplit(seed: 1).Split(input);
        var b = new UserRandomHoldoutSplit(seed: 1).Split(input);
        var c = new UserRandomHoldoutSplit(seed: 2).Split(input);

        Assert.True(SameMatrix(a.Test, b.Test));
        Assert.False(SameMatrix(a.Test, c.Test));
    }

    [Fact]
    public void Split_InteractionMatrix_SameShapeAsInput()
    {
        var m = RandomMatrix(users: 3, items: 5);
        var users = IdMap.FromIds(["a", "b", "c"]);
        var items = IdMap.FromIds(["1", "2", "3", "4", "5"]);

        var split = new UserRandomHoldoutSplit().Split(new InteractionMatrix(m, users, items));

        Assert.Equal((3, 5), (split.Train.Rows, split.Train.Columns));
        Assert.Equal((3, 5), (split.Test.Rows, split.Test.Columns));
    }
}
