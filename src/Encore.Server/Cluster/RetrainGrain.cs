using Encore.Online;
using Encore.Online.Retraining;
using Orleans.Concurrency;

namespace Encore.Server.Cluster;

/// <summary>
/// The retraining singleton (<see cref="IRetrainGrain"/>). Reentrant: while a retrain awaits its worker thread,
/// another request enters and is refused by <see cref="RetrainService"/>'s one-at-a-time gate (409 "already
/// running") instead of waiting to retrain the same data again. Stopping the silo cancels a running retrain.
/// </summary>
[Reentrant]
internal sealed class RetrainGrain(OnlineEngine engine, IHostApplicationLifetime lifetime, TimeProvider time) : Grain, IRetrainGrain
{
    private readonly ScheduledRetrainGate _schedule = new(time, engine.Options.Retrain.Interval);

    public async Task<GrainReply<RetrainResult>> Retrain(string? name)
    {
        try
        {
            var stopping = lifetime.ApplicationStopping;
            return new(await Task.Run(() => engine.Retrain.RetrainNow(name, stopping), stopping));
        }
        catch (OnlineRequestException ex)
        {
            return GrainReply<RetrainResult>.Failed(ex);
        }
    }

    public Task<bool> ClaimScheduledRun() => Task.FromResult(_schedule.TryClaim(engine.Retrain.HasNewEvents));
}
