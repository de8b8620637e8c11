using Encore.Data.Model;
using Encore.Data.Splits;
using static Encore.Data.Tests.Splits.SplitFixtures;

namespace Encore.Data.Tests.Splits;

public class GlobalTemporalSplitTests
{
    [Fact]
    public void Split_ExplicitTimes_ExactParts()
    {
        var events = Events((0, 0, 1), (0, 1, 2), (1, 0, 3), (1, 1, 4), (0, 2, 5));
        var sut = new GlobalTemporalSplit(new GlobalTemporalSplitOptions { ValidationFromMs = 3, TestFromMs = 4 });

        var split = sut.Split(events);

        Assert.Equal([0, 1], split.TrainRows);
        Assert.Equal([2], split.ValidationRows);
        Assert.Equal([3, 4], split.TestRows);
        Assert.Equal([4L, 5L], split.Test.Timestamps);
    }

    [Theory]
    [InlineData(0.2, new[] { 4 })]
    [InlineData(0.4, new[] { 1, 2, 3, 4 })]
    public void Split_TiesAtCut_AllTiesGoToTest(double fraction, int[] expectedTest)
    {
        var events = Events((0, 0, 1), (0, 1, 2), (1, 0, 2), (1, 1, 2), (0, 2, 3));

        var split = new GlobalTemporalSplit(new GlobalTemporalSplitOptions { TestFraction = fraction }).Split(events);

        Assert.Equal(expectedTest, split.TestRows);
    }

    [Fact]
    public void Split_RandomEventsWithValidation_PartitionAndNoFutureInTrain()
    {
        var events = RandomEvents(3000, 50, 80);
        var sut = new GlobalTemporalSplit(new GlobalTemporalSplitOptions { TestFraction = 0.2, ValidationFraction = 0.1 });

        var split = sut.Split(events);

        AssertPartition(events.Count, split.TrainRows, split.ValidationRows, split.TestRows);
        var known = (long[] ts) => ts.Where(t => t != Missing.Time).ToArray();
        Assert.True(known(split.Train.Timestamps).Max() < split.Validation.Timestamps.Min());
        Assert.True(split.Validation.Timestamps.Max() < split.Test.Timestamps.Min());
        Assert.InRange(split.TestRows.Length, 600, 700);
        Assert.InRange(split.ValidationRows.Length, 250, 350);
    }

    [Fact]
    public void Split_UnknownTimes_StayInTrain()
    {
        var events = Events((0, 0, Missing.Time), (0, 1, 10), (0, 2, 20));

        var split = new GlobalTemporalSplit(new GlobalTemporalSplitOptions { TestFraction = 0.4 }).Split(events);

        Assert.Equal([0, 1], split.TrainRows);
        Assert.Equal([2], split.TestRows);
        Assert.Equal(0, split.Validation.Count);
    }

    [Fact]
    public void Split_SameInput_SameSplit()
    {
        var events = RandomEvents(500, 10, 20);
        var sut = new GlobalTemporalSplit();

        Assert.Equal(sut.Split(events).TestRows, sut.Split(events).TestRows);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.6, 0.5)]
    public void Constructor_BadFractions_Throws(double test, double validation)
    {
        Assert.ThrowsAny<ArgumentException>(() => new GlobalTemporalSplit(new GlobalTemporalSplitOptions { TestFraction = test, ValidationFraction = validation }));
    }

    [Fact]
    public void Constructor_ValidationAfterTest_Throws()
    {
        Assert.Throws<ArgumentException>(() => new GlobalTemporalSplit(new GlobalTemporalSplitOptions { TestFromMs = 5, ValidationFromMs = 6 }));
    }
}
