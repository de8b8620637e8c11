using Encore.Data.Model;

namespace Encore.Online.Feedback;

/// <summary>A validated event, ready to be written (and as read back from the store).</summary>
public sealed record StoredEvent(string? EventId, string User, string Track, EventKind Kind, long TimestampMs, double? Value, string? Session);
