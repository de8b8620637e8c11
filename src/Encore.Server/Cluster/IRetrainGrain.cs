using Encore.Online.Retraining;

namespace Encore.Server.Cluster;

/// <summary>
/// The cluster's retraining singleton: one grain with the fixed key <see cref="Key"/>, so Orleans keeps exactly one
/// activation in the cluster and every silo's retrain request (admin API or schedule) runs on that activation's silo.
/// A request that arrives while a retrain runs is refused (409), not queued, so concurrent requests retrain once.
/// The result is registered in the shared registry and activated there; the other silos follow it
/// (<see cref="ModelFollowService"/>), loading it by content hash.
/// </summary>
public interface IRetrainGrain : IGrainWithStringKey
{
    /// <summary>The singleton's key.</summary>
    public const string Key = "retrain";

    /// <summary>Retrains <paramref name="name"/> (null: the default model) on this grain's silo and activates the result if it is not worse.</summary>
    /// <remarks>A retrain takes minutes on large data: the call's response timeout is 6 hours, not the cluster's default.</remarks>
    [ResponseTimeout("06:00:00")]
    Task<GrainReply<RetrainResult>> Retrain(string? name);

    /// <summary>
    /// A schedule tick asks whether to retrain: true when events arrived since this grain's silo last retrained and
    /// no other silo's tick was granted within the interval (<see cref="ScheduledRetrainGate"/>).
    /// </summary>
    Task<bool> ClaimScheduledRun();
}
