using Encore.Online.Dashboard;
using Microsoft.Extensions.Time.Testing;

namespace Encore.Server.Tests.Dashboard;

public sealed class LiveMonitorTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void Snapshot_RequestsInTwoSteps_CountsAndPercentilesPerStep()
    {
        var time = new FakeTimeProvider(Start);
        long ingested = 0;
        var sut = new LiveMonitor(() => ingested, time);

        // Step [1_700_000_000, +5): 100 requests of 1 ms and two of 100 ms; 30 events ingested.
        ingested = 30;
        for (var i = 0; i < 100; i++) sut.RecordRequest(1);
        sut.RecordRequest(100);
        sut.RecordRequest(100);
        time.Advance(TimeSpan.FromSeconds(5));
        // Next step: 2 requests of 10 ms; 12 more events.
        ingested = 42;
        sut.RecordRequest(10);
        sut.RecordRequest(10);

        var snapshot = sut.Snapshot(windowSeconds: 10, stepSeconds: 5);

        Assert.Equal(42, snapshot.TotalEventsIngested);
        Assert.Equal(104, snapshot.TotalRequests);
        Assert.Equal(2, snapshot.Points.Count);
        var (first, second) = (snapshot.Points[0], snapshot.Points[1]);
        Assert.Equal(1_700_000_000_000, first.TimeMs);
        Assert.Equal(102, first.Requests);
        Assert.Equal(30, first.EventsIngested);
        // Bins are 2^(1/4) wide from 0.01 ms: 1 ms falls in the bin with upper edge 0.01 * 2^(27/4), 10 ms in 40, 100 ms in 54.
        Assert.Equal(0.01 * Math.Pow(2, 27 / 4.0), first.P50Ms!.Value, 9);
        Assert.Equal(first.P50Ms, first.P95Ms);
        Assert.Equal(0.01 * Math.Pow(2, 54 / 4.0), first.P99Ms!.Value, 9);
        Assert.Equal(2, second.Requests);
        Assert.Equal(12, second.EventsIngested);
        Assert.Equal(0.01 * Math.Pow(2, 40 / 4.0), second.P50Ms!.Value, 9);
    }

    [Fact]
    public void Snapshot_NoRequests_PointsHaveNullPercentiles()
    {
        var sut = new LiveMonitor(() => 0, new FakeTimeProvider(Start));

        var snapshot = sut.Snapshot(windowSeconds: 60, stepSeconds: 10);

        Assert.Equal(6, snapshot.Points.Count);
        Assert.All(snapshot.Points, p =>
        {
            Assert.Equal(0, p.Requests);
            Assert.Equal(0, p.EventsIngested);
            Assert.Null(p.P50Ms);
        });
    }

    [Fact]
    public void Snapshot_EventsBeforeMonitorStarted_AreNotCountedInAnyStep()
    {
        var time = new FakeTimeProvider(Start);
        long ingested = 500;
        var sut = new LiveMonitor(() => ingested, time);
        time.Advance(TimeSpan.FromSeconds(3));
        ingested = 507;
        sut.RecordRequest(2);

        var snapshot = sut.Snapshot(windowSeconds: 30, stepSeconds: 5);

        Assert.Equal(7, snapshot.Points.Sum(p => p.EventsIngested));
    }

    [Fact]
    public void Snapshot_ActivityOlderThanTheRing_DoesNotReappear()
    {
        var time = new FakeTimeProvider(Start);
        long ingested = 0;
        var sut = new LiveMonitor(() => ingested, time);
        ingested = 50;
        sut.RecordRequest(1);
        time.Advance(TimeSpan.FromSeconds(LiveMonitor.Seconds + 30));

        var snapshot = sut.Snapshot(windowSeconds: 60, stepSeconds: 5);

        Assert.Equal(0, snapshot.Points.Sum(p => p.EventsIngested));
        Assert.Equal(0, snapshot.Points.Sum(p => p.Requests));
        Assert.Equal(50, snapshot.TotalEventsIngested);
    }
}
