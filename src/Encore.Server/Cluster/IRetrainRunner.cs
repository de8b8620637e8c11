using Encore.Online;
using Encore.Online.Retraining;

namespace Encore.Server.Cluster;

/// <summary>
/// Where retraining runs: in this process (<see cref="LocalRetrainRunner"/>) or on the cluster's retraining
/// singleton (<see cref="GrainRetrainRunner"/>). The admin endpoint and the schedule only call this.
/// </summary>
public interface IRetrainRunner
{
    /// <summary>Retrains <paramref name="name"/> (null: the default model); errors as <see cref="OnlineRequestException"/> (409 when one is running).</summary>
    Task<RetrainResult> RetrainAsync(string? name, CancellationToken cancellationToken);

    /// <summary>Whether a schedule tick should retrain: events arrived since the last retrain (and, in a cluster, no other silo's tick retrained within the interval).</summary>
    Task<bool> ClaimScheduledRunAsync();
}

/// <summary>A single process: retrains on a worker thread of this process.</summary>
public sealed class LocalRetrainRunner(OnlineEngine engine) : IRetrainRunner
{
    public Task<RetrainResult> RetrainAsync(string? name, CancellationToken cancellationToken) =>
        Task.Run(() => engine.Retrain.RetrainNow(name, cancellationToken), cancellationToken);

    public Task<bool> ClaimScheduledRunAsync() => Task.FromResult(engine.Retrain.HasNewEvents);
}

/// <summary>Cluster mode: every silo's request goes to the one retraining grain.</summary>
internal sealed class GrainRetrainRunner(IGrainFactory grains) : IRetrainRunner
{
    private IRetrainGrain Singleton => grains.GetGrain<IRetrainGrain>(IRetrainGrain.Key);

    public async Task<RetrainResult> RetrainAsync(string? name, CancellationToken cancellationToken) => (await Singleton.Retrain(name)).Unwrap();

    public Task<bool> ClaimScheduledRunAsync() => Singleton.ClaimScheduledRun();
}
