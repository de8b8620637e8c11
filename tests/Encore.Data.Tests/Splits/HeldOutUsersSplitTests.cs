using Encore.Data.Splits;
using static Encore.Data.Tests.Splits.SplitFixtures;

namespace Encore.Data.Tests.Splits;

public class HeldOutUsersSplitTests
{
    [Fact]
    public void Split_RandomMatrix_PartitionAndHeldOutRowsLeaveTrain()
    {
        var input = RandomMatrix();
        var eligible = Enumerable.Range(0, input.Rows).Count(u => input.RowLength(u) >= 2);

        var split = new HeldOutUsersSplit(userFraction: 0.25, hiddenFraction: 0.2, seed: 3).Split(input);

        AssertEntryPartition(input, split.Train, split.FoldIn, split.Hidden);
        Assert.Equal((int)Math.Round(0.25 * eligible, MidpointRounding.ToEven), split.HeldOutUsers.Length);
        Assert.Equal(split.HeldOutUsers.Order(), split.HeldOutUsers);
        for (var u = 0; u < input.Rows; u++)
        {
            var held = Array.BinarySearch(split.HeldOutUsers, u) >= 0;
            if (held)
            {
                Assert.Equal(0, split.Train.RowLength(u));
                Assert.True(split.FoldIn.RowLength(u) >= 1);
                Assert.Equal(HoldoutCount.Of(input.RowLength(u), 0.2), split.Hidden.RowLength(u));
            }
            else
            {
                Assert.Equal(input.RowLength(u), split.Train.RowLength(u));
            }
        }
    }

    [Fact]
    public void Split_SameSeed_SameSplitDifferentSeed_Different()
    {
        var input = RandomMatrix();

        var a = new HeldOutUsersSplit(0.3, seed: 1).Split(input);
        var b = new HeldOutUsersSplit(0.3, seed: 1).Split(input);
        var c = new HeldOutUsersSplit(0.3, seed: 2).Split(input);

        Assert.Equal(a.HeldOutUsers, b.HeldOutUsers);
        Assert.True(SameMatrix(a.Hidden, b.Hidden));
        Assert.NotEqual(a.HeldOutUsers, c.HeldOutUsers);
    }
}
