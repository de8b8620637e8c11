namespace Encore.Online.Feedback;

/// <summary>
/// One feedback event as a client sends it. Fields are nullable because they come from JSON; the
/// <see cref="EventValidator"/> says which are required.
/// </summary>
public sealed record FeedbackEvent
{
    /// <value>Client event id: a repeat with the same id is reported "duplicate" and stored once. Optional.</value>
    public string? EventId { get; init; }

    /// <value>External user id. Required.</value>
    public string? User { get; init; }

    /// <value>External track id. Required.</value>
    public string? Track { get; init; }

    /// <value>play, like, dislike, skip, rating or playlist-add. Required.</value>
    public string? Kind { get; init; }

    /// <value>Unix milliseconds UTC; the server's time when absent.</value>
    public long? Timestamp { get; init; }

    /// <value>Play count or seconds (play), rating on 0..100 (rating, required), otherwise optional.</value>
    public double? Value { get; init; }

    /// <value>Listening session id. Optional.</value>
    public string? Session { get; init; }
}
