using Encore.Online.Bandits;
using Encore.Online.Feedback;
using Encore.Online.Serving;

namespace Encore.Server.Cluster;

/// <summary>
/// Where per-user calls go: straight to this process's engine (<see cref="LocalUserRouter"/>) or through the
/// user's grain in the cluster (<see cref="GrainUserRouter"/>). The endpoints only parse and call this.
/// </summary>
public interface IUserRouter
{
    /// <summary>Top-k for the request's user (errors as <see cref="Encore.Online.OnlineRequestException"/>).</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">The caller went away (HttpContext.RequestAborted): a request still waiting in this process's batcher is dropped.</param>
    Task<RecommendationResponse> RecommendAsync(UserRecommendationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Validates the whole call (nothing is written if any event is invalid), then stores it durably.</summary>
    /// <param name="events">The call's events.</param>
    /// <param name="isBatch">True when the call sent an array (problems are then named "events[i].field").</param>
    Task<IngestResult> IngestAsync(IReadOnlyList<FeedbackEvent?> events, bool isBatch);

    /// <summary>The bandit's next track for <paramref name="user"/> (the choice is recorded; errors as <see cref="Encore.Online.OnlineRequestException"/>).</summary>
    Task<NextTrackResponse> NextAsync(string user, NextTrackRequest? request);
}
