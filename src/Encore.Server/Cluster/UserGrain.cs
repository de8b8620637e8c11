using Encore.Online;
using Encore.Online.Bandits;
using Encore.Online.Feedback;
using Encore.Online.Serving;

namespace Encore.Server.Cluster;

/// <summary>
/// The user grain: on activation it reads the user's newest events (at most serving.max_list_length) from the shared
/// store; afterwards it appends what it writes itself, so fold-in answers need no store read. The store stays the
/// truth: a grain that moves to another silo (deactivation, a killed silo) starts again from the store, and a
/// client event id is stored once whichever silo writes it (the store's unique key). It keeps the user's
/// <see cref="UserFeedback"/> current as events arrive too, so a recommendation does not rebuild it from the events.
/// </summary>
internal sealed class UserGrain(OnlineEngine engine) : Grain, IUserGrain
{
    private List<StoredEvent> _recent = [];

    // What the user heard or rejected, for the tracks a recommendation leaves out; updated with each accepted event.
    private UserFeedback _feedback = new(1);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _recent = engine.Events.HistoryOf(this.GetPrimaryKeyString(), engine.Options.MaxListLength);
        _feedback = UserFeedback.From(_recent, engine.Options.MaxListLength);
        return Task.CompletedTask;
    }

    public async Task<GrainReply<RecommendationResponse>> Recommend(UserRecommendationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return new(await engine.Recommendations.ForUserAsync(request with { User = this.GetPrimaryKeyString() }, _recent, _feedback));
        }
        catch (OnlineRequestException ex)
        {
            return GrainReply<RecommendationResponse>.Failed(ex);
        }
    }

    public Task<GrainReply<IngestResult>> Append(StoredEvent[] events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var user = this.GetPrimaryKeyString();
        if (events.Any(e => !string.Equals(e.User, user, StringComparison.Ordinal)))
            throw new ArgumentException($"User grain '{user}' was sent another user's event.", nameof(events));
        var result = engine.Feedback.Store(events);
        for (var i = 0; i < events.Length; i++)
            if (result.Outcomes[i] == EventOutcome.Accepted)
            {
                _recent.Add(events[i]);
                _feedback.Add(events[i]);
            }
        var excess = _recent.Count - engine.Options.MaxListLength;
        if (excess > 0) _recent.RemoveRange(0, excess);
        return Task.FromResult(new GrainReply<IngestResult>(result));
    }

    public async Task<GrainReply<NextTrackResponse>> Next(NextTrackRequest? request)
    {
        var user = this.GetPrimaryKeyString();
        try
        {
            // On the thread pool, not the grain's scheduler: the first call builds the track vectors from the base
            // dataset, whose snapshot reader waits on async I/O synchronously (a deadlock on the grain's scheduler).
            // The grain's turn lasts until it returns, so this user's calls stay ordered.
            return new(await Task.Run(() => engine.Bandits.Next(user, request)));
        }
        catch (OnlineRequestException ex)
        {
            return GrainReply<NextTrackResponse>.Failed(ex);
        }
    }
}
