using Encore.Server.Cluster;
using Microsoft.Extensions.Time.Testing;

namespace Encore.Server.Tests.Cluster;

/// <summary>Three silos' schedule ticks within one interval retrain once; nothing new, no retrain.</summary>
public sealed class ScheduledRetrainGateTests
{
    [Fact]
    public void TicksOfThreeSilos_OneIntervalApart_GrantOneRunPerInterval()
    {
        var start = new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(start);
        var sut = new ScheduledRetrainGate(time, TimeSpan.FromMinutes(60));
        // The silos' timers started at different moments: they tick 0, 7 and 31 minutes into each hour.
        var ticks = Enumerable.Range(0, 4).SelectMany(hour => new[] { 0, 7, 31 }.Select(m => hour * 60 + m)).Order().ToList();
        var granted = new List<int>();
        foreach (var minute in ticks)
        {
            time.SetUtcNow(start.AddMinutes(minute));
            if (sut.TryClaim(hasNewEvents: true)) granted.Add(minute);
        }
        Assert.Equal([0, 60, 120, 180], granted);
    }

    [Fact]
    public void NoNewEvents_NeverGranted_AndDoesNotUseUpTheInterval()
    {
        var time = new FakeTimeProvider();
        var sut = new ScheduledRetrainGate(time, TimeSpan.FromMinutes(10));
        Assert.False(sut.TryClaim(hasNewEvents: false));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(sut.TryClaim(hasNewEvents: true));
        time.Advance(TimeSpan.FromMinutes(8.9));
        Assert.False(sut.TryClaim(hasNewEvents: true));
        time.Advance(TimeSpan.FromMinutes(0.2));
        Assert.True(sut.TryClaim(hasNewEvents: true));
    }
}
