using Encore.Online;
using Encore.Online.Bandits;
using Encore.Online.Feedback;
using Encore.Online.Serving;

namespace Encore.Server.Cluster;

/// <summary>A single process: calls go to the engine; a call's events are written in one transaction.</summary>
internal sealed class LocalUserRouter(OnlineEngine engine) : IUserRouter
{
    // No async state machine of its own: the batcher's task is handed on as it is (AsTask of a task-backed ValueTask is that task).
    public Task<RecommendationResponse> RecommendAsync(UserRecommendationRequest request, CancellationToken cancellationToken = default) =>
        engine.Recommendations.ForUserAsync(request, cancellationToken: cancellationToken).AsTask();

    public Task<IngestResult> IngestAsync(IReadOnlyList<FeedbackEvent?> events, bool isBatch) =>
        Task.FromResult(isBatch ? engine.Feedback.Ingest(events) : engine.Feedback.Ingest(events[0]));

    public Task<NextTrackResponse> NextAsync(string user, NextTrackRequest? request) => Task.FromResult(engine.Bandits.Next(user, request));
}
