using Microsoft.Extensions.Time.Testing;

namespace Encore.Server.Tests.Hosting;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that counts the timers created on it, so that a test can wait until code running on
/// a pool thread has started its delay before it moves the clock (a fixed real-time pause is not enough on a loaded
/// CI machine: the delay would then start after the clock moved, and count from the wrong moment).
/// </summary>
internal sealed class TimerSignallingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly SemaphoreSlim _created = new(0);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _created.Release();
        return timer;
    }

    /// <summary>Waits (at most 30 s of real time) for the next timer not yet waited for; true when it was created.</summary>
    public bool WaitForTimer() => _created.Wait(TimeSpan.FromSeconds(30));
}
