using Encore.Online.Bandits;
using Encore.Online.Feedback;
using Encore.Online.Serving;

namespace Encore.Server.Cluster;

/// <summary>
/// One user's grain (key: the user id). Orleans places one activation in the cluster and runs its calls one at a
/// time, so a user's feedback is written in order through one place, and its recent history stays in memory for
/// fold-in between calls.
/// </summary>
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Top-k for this user through the active model, folding in the history the grain holds.</summary>
    Task<GrainReply<RecommendationResponse>> Recommend(UserRecommendationRequest request);

    /// <summary>
    /// Writes validated events of this user durably (one transaction), updates the user's bandit state with their
    /// rewards (shared store), and adds the accepted ones to the history.
    /// </summary>
    Task<GrainReply<IngestResult>> Append(StoredEvent[] events);

    /// <summary>The bandit's next track for this user, chosen and recorded (shared store).</summary>
    Task<GrainReply<NextTrackResponse>> Next(NextTrackRequest? request);
}
