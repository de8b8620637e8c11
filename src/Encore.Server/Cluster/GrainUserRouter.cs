using Encore.Online;
using Encore.Online.Bandits;
using Encore.Online.Feedback;
using Encore.Online.Serving;

namespace Encore.Server.Cluster;

/// <summary>
/// Cluster mode: each user's calls go through that user's grain, wherever Orleans placed it. A call's events are
/// validated here as a whole, then each user's part is written by that user's grain (one transaction per user):
/// a call spanning several users that fails part-way may have stored some users' events, and resending it with the
/// same event ids stores the rest without doubling any (docs/deployment.md). Each grain's write runs the bandit's
/// reward update for its events (as a single process does), and the bandit's next-track choice runs in the user's
/// grain too, so a user's choices and the rewards that answer them are ordered through one place.
/// </summary>
internal sealed class GrainUserRouter(OnlineEngine engine, IGrainFactory grains) : IUserRouter
{
    // The token is not sent through the grain call: a grain's request runs to its end (see IUserRouter).
    public async Task<RecommendationResponse> RecommendAsync(UserRecommendationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // No usable key: the engine gives the same "user is missing" problem as a single process.
        if (string.IsNullOrEmpty(request.User)) return await engine.Recommendations.ForUserAsync(request, cancellationToken: cancellationToken);
        return (await grains.GetGrain<IUserGrain>(request.User).Recommend(request)).Unwrap();
    }

    public async Task<IngestResult> IngestAsync(IReadOnlyList<FeedbackEvent?> events, bool isBatch)
    {
        var valid = engine.Feedback.Validate(events, isBatch);
        var outcomes = new EventOutcome[valid.Length];
        var banditUpdates = 0;
        var parts = Enumerable.Range(0, valid.Length).GroupBy(i => valid[i].User, StringComparer.Ordinal).Select(async group =>
        {
            var positions = group.ToArray();
            var result = (await grains.GetGrain<IUserGrain>(group.Key).Append([.. positions.Select(i => valid[i])])).Unwrap();
            for (var j = 0; j < positions.Length; j++) outcomes[positions[j]] = result.Outcomes[j];
            Interlocked.Add(ref banditUpdates, result.BanditUpdates);
        });
        await Task.WhenAll(parts);
        var accepted = outcomes.Count(o => o == EventOutcome.Accepted);
        return new IngestResult(accepted, outcomes.Length - accepted, outcomes, banditUpdates);
    }

    public async Task<NextTrackResponse> NextAsync(string user, NextTrackRequest? request)
    {
        // No usable key: the engine gives the same "user is missing" problem as a single process.
        if (string.IsNullOrEmpty(user)) return engine.Bandits.Next(user, request);
        return (await grains.GetGrain<IUserGrain>(user).Next(request)).Unwrap();
    }
}
