using Encore.Server.Hosting;

namespace Encore.Server.Tests.Hosting;

/// <summary>
/// The bound on a shutdown (<see cref="StopBound"/>): a silo sent SIGTERM while PostgreSQL was down took about
/// 2 minutes to stop with a 30 s grace (Orleans retries its membership status writes per lifecycle stage); the server
/// now stops waiting grace + 10 s after the shutdown begins. The real case, measured by hand: docs/deployment.md.
/// </summary>
public sealed class StopBoundTests
{
    private readonly TimerSignallingClock _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Of_IsTheGracePlusTheOverrun()
    {
        Assert.Equal(TimeSpan.FromSeconds(40), StopBound.Of(30));
    }

    [Fact]
    public async Task EndsWithin_StopHangsPastTheBound_IsFalseOnlyAfterTheBound()
    {
        var hangs = new TaskCompletionSource();
        using var stopping = new CancellationTokenSource();
        var sut = StopBound.EndsWithinAsync(hangs.Task, stopping.Token, StopBound.Of(30), _clock);

        _clock.Advance(TimeSpan.FromMinutes(10)); // running, not stopping: no bound yet
        await Task.Delay(50);
        Assert.False(sut.IsCompleted);
        await stopping.CancelAsync();
        // The bound's delay starts on a pool thread: wait for its timer, not for a fixed pause (flaky under load).
        Assert.True(_clock.WaitForTimer());
        _clock.Advance(TimeSpan.FromSeconds(39));
        await Task.Delay(50);
        Assert.False(sut.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.False(await sut.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task EndsWithin_StopEndsInTime_IsTrue()
    {
        var run = new TaskCompletionSource();
        using var stopping = new CancellationTokenSource();
        var sut = StopBound.EndsWithinAsync(run.Task, stopping.Token, StopBound.Of(30), _clock);

        await stopping.CancelAsync();
        Assert.True(_clock.WaitForTimer());
        _clock.Advance(TimeSpan.FromSeconds(20));
        run.SetResult();

        Assert.True(await sut.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
