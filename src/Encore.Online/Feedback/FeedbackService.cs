using Encore.Online.Store;

namespace Encore.Online.Feedback;

/// <summary>
/// Feedback ingestion: validates a call's events (all or nothing), then writes them in one durable
/// transaction before returning; a client event id seen before is reported as a duplicate, not stored twice.
/// </summary>
public sealed class FeedbackService
{
    private readonly IEventStore _events;
    private readonly EventValidator _validator;
    private readonly Func<IReadOnlyList<StoredEvent>, IReadOnlyList<EventOutcome>, int>? _observer;
    private long _accepted;

    /// <param name="events">The events table.</param>
    /// <param name="options">Validation limits.</param>
    /// <param name="time">Clock for the future-skew check.</param>
    /// <param name="observer">Called after each committed batch with its events and outcomes (the online bandit's rewards); returns the number of bandit states it updated.</param>
    public FeedbackService(IEventStore events, OnlineOptions options, TimeProvider? time = null, Func<IReadOnlyList<StoredEvent>, IReadOnlyList<EventOutcome>, int>? observer = null)
    {
        _observer = observer;
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _validator = new EventValidator(options ?? throw new ArgumentNullException(nameof(options)), time ?? TimeProvider.System);
    }

    /// <summary>Total events accepted by this instance (for metrics).</summary>
    public long AcceptedCount => Interlocked.Read(ref _accepted);

    public IngestResult Ingest(FeedbackEvent? single) => IngestCore([single], "");

    public IngestResult Ingest(IReadOnlyList<FeedbackEvent?> batch) => IngestCore(batch ?? throw OnlineRequestException.Invalid("events", "is missing; expected an array of events."), "events");

    /// <summary>
    /// Checks a call's events without writing anything (the first half of <see cref="Ingest(IReadOnlyList{FeedbackEvent})"/>;
    /// a cluster checks the whole call at the edge, then writes each user's part through that user's grain).
    /// </summary>
    /// <param name="events">The call's events.</param>
    /// <param name="isBatch">True when the call sent an array (problems are then named "events[i].field").</param>
    /// <returns>The validated events, in order.</returns>
    /// <exception cref="OnlineRequestException">Any event is invalid (every problem listed; nothing may be written).</exception>
    public StoredEvent[] Validate(IReadOnlyList<FeedbackEvent?> events, bool isBatch) =>
        _validator.Validate(events ?? throw OnlineRequestException.Invalid("events", "is missing; expected an array of events."), isBatch ? "events" : "");

    /// <summary>Writes already validated events in one durable transaction (the second half of <see cref="Ingest(IReadOnlyList{FeedbackEvent})"/>).</summary>
    /// <returns>Counts and one outcome per event, in order; a client event id stored before is a duplicate.</returns>
    public IngestResult Store(IReadOnlyList<StoredEvent> valid)
    {
        ArgumentNullException.ThrowIfNull(valid);
        var outcomes = _events.Insert(valid);
        var accepted = 0;
        foreach (var o in outcomes)
            if (o == EventOutcome.Accepted) accepted++;
        Interlocked.Add(ref _accepted, accepted);
        var banditUpdates = accepted > 0 && _observer is not null ? _observer(valid, outcomes) : 0;
        return new IngestResult(accepted, outcomes.Length - accepted, outcomes, banditUpdates);
    }

    private IngestResult IngestCore(IReadOnlyList<FeedbackEvent?> events, string prefix) => Store(_validator.Validate(events, prefix));
}
