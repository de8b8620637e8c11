namespace Encore.Online.Catalogue;

/// <summary>A user to create or update. Attributes are free-form (favourite genres, premium, ...).</summary>
public sealed record UserUpdate
{
    /// <value>External user id. Required.</value>
    public string? Id { get; init; }

    /// <value>Optional attributes, stored as JSON.</value>
    public Dictionary<string, string>? Attributes { get; init; }
}

/// <summary>A track to create or update (catalogue update).</summary>
public sealed record TrackUpdate
{
    /// <value>External track id. Required.</value>
    public string? Id { get; init; }

    public string? Title { get; init; }

    public string? Artist { get; init; }

    public string? Album { get; init; }

    public string[]? Genres { get; init; }

    /// <value>Duration in milliseconds, 0..86,400,000 when given.</value>
    public long? DurationMs { get; init; }
}

/// <summary>Result of a catalogue call: how many rows were created and updated, or that the idempotency key was seen before.</summary>
public sealed record CatalogueResult(int Created, int Updated, bool Duplicate);
