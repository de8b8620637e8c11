namespace Encore.Server.Hosting;

/// <summary>
/// The longest a shutdown may take: <c>server.shutdown_grace_seconds</c> for running requests, then
/// <see cref="Overrun"/> for the rest of the stop. Needed because a part of the stop can ignore the host's
/// shutdown timeout: in cluster mode, a silo whose PostgreSQL is down retries writing its membership status
/// (shutting down, stopping, dead) for about a minute per lifecycle stage, so a SIGTERM took about 2 minutes with a
/// 30 s grace (session 15). Past the bound the server stops waiting and exits (<see cref="EncoreServer.RunAsync"/>);
/// the silo's row stays in the membership table until the other silos (or the next start on the same address) mark it dead.
/// </summary>
public static class StopBound
{
    /// <summary>Time allowed after the grace period: Orleans' ungraceful stop and the host's disposal.</summary>
    public static TimeSpan Overrun { get; } = TimeSpan.FromSeconds(10);

    /// <summary>The whole bound for a grace of <paramref name="graceSeconds"/>: grace + <see cref="Overrun"/>.</summary>
    public static TimeSpan Of(int graceSeconds) => TimeSpan.FromSeconds(graceSeconds) + Overrun;

    /// <summary>
    /// True when <paramref name="run"/> (the host's run, stop and disposal) ends, false when <paramref name="bound"/> has
    /// passed since <paramref name="stopping"/> fired and it has not. Never false before the shutdown begins.
    /// </summary>
    /// <param name="run">The running host.</param>
    /// <param name="stopping">Fires when the shutdown begins (ApplicationStopping).</param>
    /// <param name="bound">Longest stop, from <see cref="Of"/>.</param>
    /// <param name="time">Clock of the bound.</param>
    public static async Task<bool> EndsWithinAsync(Task run, CancellationToken stopping, TimeSpan bound, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(time);
        var began = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = stopping.Register(() => began.TrySetResult());
        if (await Task.WhenAny(run, began.Task) == run) return true;
        using var cancel = new CancellationTokenSource();
        var expiry = Task.Delay(bound, time, cancel.Token);
        var first = await Task.WhenAny(run, expiry);
        await cancel.CancelAsync();
        return first == run;
    }
}
