using Encore.Data.Model;
using Encore.Online.Experiments;
using Encore.Online.Feedback;

namespace Encore.Online.Tests.Experiments;

public sealed class AbAssignmentTests
{
    private static AbExperiment Experiment(string name = "exp", params double[] shares) => new()
    {
        Name = name,
        Variants = [.. (shares.Length == 0 ? [0.5, 0.5] : shares).Select((s, i) => new AbVariant("v" + i, s, Model: "m" + i))],
    };

    [Fact]
    public void Assign_SameUserAndSalt_AlwaysSameVariant()
    {
        var sut = Experiment();
        var first = Enumerable.Range(0, 200).Select(i => AbAssignment.Assign(sut, "user" + i)).ToArray();
        Assert.Equal(first, Enumerable.Range(0, 200).Select(i => AbAssignment.Assign(sut with { }, "user" + i)));
    }

    [Fact]
    public void Assign_Shares_AreFollowedWithinSamplingError()
    {
        var sut = Experiment("shares", 0.2, 0.3, 0.5);
        var counts = new int[3];
        for (var i = 0; i < 30_000; i++) counts[AbAssignment.Assign(sut, "user" + i)]++;
        // Binomial sd at n = 30,000 is at most 0.29 %: 1.5 % is over five standard deviations.
        Assert.InRange(counts[0] / 30_000.0, 0.185, 0.215);
        Assert.InRange(counts[1] / 30_000.0, 0.285, 0.315);
        Assert.InRange(counts[2] / 30_000.0, 0.485, 0.515);
    }

    [Fact]
    public void Assign_DifferentSalts_AreIndependent()
    {
        var a = Experiment("a");
        var b = Experiment("b");
        var same = Enumerable.Range(0, 20_000).Count(i => AbAssignment.Assign(a, "u" + i) == AbAssignment.Assign(b, "u" + i));
        Assert.InRange(same / 20_000.0, 0.48, 0.52);
    }

    [Theory]
    [InlineData(new[] { 1.0 }, "at least two variants")]
    [InlineData(new[] { 0.5, 0.4 }, "sum to 0.9")]
    [InlineData(new[] { 0.0, 1.0 }, "share 0")]
    public void Validate_BadShapes_SayWhat(double[] shares, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => Experiment("bad", shares).Validate());
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ledger_Attribute_GoesToTheNewestListThatShowedTheTrackWithinTheWindow()
    {
        var sut = new AbLedger(TimeSpan.FromMinutes(10));
        sut.Record(new ServedList("old", "e", "v0", "u", ["t1", "t2"], 0));
        sut.Record(new ServedList("new", "e", "v0", "u", ["t2", "t3"], 60_000));
        var attributed = sut.Attribute([
            new StoredEvent(null, "u", "t2", EventKind.Play, 120_000, null, null),      // newest list showing t2
            new StoredEvent(null, "u", "t2", EventKind.Play, 130_000, null, null),      // same impression: counted once
            new StoredEvent(null, "u", "t1", EventKind.Like, 120_000, null, null),      // only the old list showed t1
            new StoredEvent(null, "u", "t3", EventKind.Skip, 30_000, null, null),       // before the list was served
            new StoredEvent(null, "u", "t3", EventKind.Play, 60_000 + 600_001, null, null), // after the window
            new StoredEvent(null, "other", "t3", EventKind.Play, 70_000, null, null),   // another user
        ]);
        Assert.Equal(3, attributed);
        Assert.Equal(
            [new OutcomeCount("u", ImpressionOutcome.None, 2), new OutcomeCount("u", ImpressionOutcome.Played, 1), new OutcomeCount("u", ImpressionOutcome.Liked, 1)],
            sut.OutcomeCounts("e", "v0"));
    }
}
