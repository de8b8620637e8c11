using Encore.Server.Configuration;
using Microsoft.Extensions.Options;

namespace Encore.Server.Hosting;

/// <summary>
/// The grace period of a shutdown (SIGTERM, Ctrl+C): once stopping begins, requests already running may finish
/// for <c>server.shutdown_grace_seconds</c> (the host's shutdown timeout, after which Kestrel drops their
/// connections). <see cref="Token"/> fires a little before that, so that a request that will not finish in time (a
/// retrain) is cancelled and still answered, with a 503 problem (<see cref="Http.ServerStoppingException"/>), instead
/// of losing its connection. The margin is a tenth of the grace, at least 1 s (all of it for a grace of 1 s).
/// </summary>
public sealed class ShutdownDeadline : IDisposable
{
    private readonly CancellationTokenSource _deadline = new();
    private readonly CancellationTokenRegistration _stopping;

    public ShutdownDeadline(IHostApplicationLifetime lifetime, IOptions<EncoreServerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        ArgumentNullException.ThrowIfNull(options);
        Grace = TimeSpan.FromSeconds(options.Value.Server.ShutdownGraceSeconds);
        var cutoff = Grace - TimeSpan.FromSeconds(Math.Max(1, Grace.TotalSeconds / 10));
        _stopping = lifetime.ApplicationStopping.Register(() => _deadline.CancelAfter(cutoff > TimeSpan.Zero ? cutoff : TimeSpan.Zero));
    }

    /// <summary>How long running requests may take once shutdown begins (server.shutdown_grace_seconds).</summary>
    public TimeSpan Grace { get; }

    /// <summary>Cancelled when a running request must stop to be answered before the grace period ends.</summary>
    public CancellationToken Token => _deadline.Token;

    public void Dispose()
    {
        _stopping.Dispose();
        _deadline.Dispose();
    }
}
