using Encore.Online;
using Encore.Online.Retraining;
using Encore.Server.Hosting;
using Orleans.Concurrency;

namespace Encore.Server.Cluster;

/// <summary>
/// The retraining singleton (<see cref="IRetrainGrain"/>). Reentrant: while a retrain awaits its worker thread,
/// another request enters and is refused by <see cref="RetrainService"/>'s one-at-a-time gate (409 "already
/// running") instead of waiting to retrain the same data again. Stopping the silo keeps the single-process contract: a
/// running retrain may finish within server.shutdown_grace_seconds; one that would not is cancelled just before the
/// grace ends (<see cref="ShutdownDeadline"/>) and answered as stopped, which the calling silo turns into the same 503
/// as a single process (<see cref="Http.ServerStoppingException"/>). It changed nothing: a retrain saves and activates
/// its model only at the end.
/// </summary>
[Reentrant]
internal sealed class RetrainGrain(OnlineEngine engine, ShutdownDeadline shutdown, TimeProvider time) : Grain, IRetrainGrain
{
    private readonly ScheduledRetrainGate _schedule = new(time, engine.Options.Retrain.Interval);

    public async Task<GrainReply<RetrainResult>> Retrain(string? name)
    {
        var deadline = shutdown.Token;
        try
        {
            return new(await Task.Run(() => engine.Retrain.RetrainNow(name, deadline), deadline));
        }
        catch (OnlineRequestException ex)
        {
            return GrainReply<RetrainResult>.Failed(ex);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return GrainReply<RetrainResult>.Stopped(Http.ServerStoppingException.RetrainStoppedMessage(name, shutdown.Grace));
        }
    }

    public Task<bool> ClaimScheduledRun() => Task.FromResult(_schedule.TryClaim(engine.Retrain.HasNewEvents));
}
