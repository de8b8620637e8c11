namespace Encore.Online.Feedback;

/// <summary>What happened to one event of a call.</summary>
public enum EventOutcome
{
    /// <summary>Written durably (committed with synchronous=FULL) before the call returned.</summary>
    Accepted,
    /// <summary>An event with the same client event id was stored before; nothing new was written.</summary>
    Duplicate,
}

/// <summary>
/// Result of an ingestion call: counts plus one outcome per event, in request order, and how many online bandit
/// states the accepted events rewarded (events on tracks /next served to that user).
/// </summary>
public sealed record IngestResult(int Accepted, int Duplicates, EventOutcome[] Outcomes, int BanditUpdates = 0);
