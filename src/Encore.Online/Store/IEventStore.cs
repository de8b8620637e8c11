using Encore.Online.Feedback;

namespace Encore.Online.Store;

/// <summary>
/// The events table: durable batch inserts with client-id idempotency, and reads for retraining and fold-in.
/// Implementations: <see cref="EventRepository"/> (SQLite) and <see cref="Postgres.PostgresEventStore"/>; both pass
/// the store contract suite.
/// </summary>
public interface IEventStore
{
    /// <summary>
    /// Writes a batch in one transaction, committed before returning; an event whose client id was stored before
    /// (by any writer, or earlier in the same batch) gives <see cref="EventOutcome.Duplicate"/>. Events without a
    /// client id are always accepted. One outcome per event, in order.
    /// </summary>
    EventOutcome[] Insert(IReadOnlyList<StoredEvent> events);

    /// <summary>Number of stored events.</summary>
    long Count();

    /// <summary>Sequence number of the newest event (0 when empty): retraining skips when it has not moved.</summary>
    long LastSequence();

    /// <summary>Every stored event in arrival order.</summary>
    List<StoredEvent> ReadAll();

    /// <summary>The newest <paramref name="limit"/> events of one user (oldest first).</summary>
    List<StoredEvent> HistoryOf(string user, int limit);
}
