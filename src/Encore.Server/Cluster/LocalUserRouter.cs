using Encore.Online;
using Encore.Online.Bandits;
using Encore.Online.Feedback;
using Encore.Online.Serving;

namespace Encore.Server.Cluster;

/// <summary>A single process: calls go to the engine; a call's events are written in one transaction.</summary>
internal sealed class LocalUserRouter(OnlineEngine engine) : IUserRouter
{
    public async Task<RecommendationResponse> RecommendAsync(UserRecommendationRequest request) =>
        await engine.Recommendations.ForUserAsync(request);

    public Task<IngestResult> IngestAsync(IReadOnlyList<FeedbackEvent?> events, bool isBatch) =>
        Task.FromResult(isBatch ? engine.Feedback.Ingest(events) : engine.Feedback.Ingest(events[0]));

    public Task<NextTrackResponse> NextAsync(string user, NextTrackRequest? request) => Task.FromResult(engine.Bandits.Next(user, request));
}
