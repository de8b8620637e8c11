namespace Encore.Online.Serving;

/// <summary>One entry of a request-time history: a track and how strongly the user engaged (default 1).</summary>
public sealed record HistoryEntry
{
    public string? Track { get; init; }

    public float Value { get; init; } = 1f;
}

/// <summary>Top-k for one user; <see cref="History"/> lets an unknown user be folded in.</summary>
public sealed record UserRecommendationRequest
{
    public string? User { get; init; }

    public int K { get; init; } = 10;

    /// <value>Model name; the default model when null.</value>
    public string? Model { get; init; }

    public bool ExcludeSeen { get; init; } = true;

    public IReadOnlyList<string>? Exclude { get; init; }

    public IReadOnlyList<string>? Allow { get; init; }

    public IReadOnlyList<HistoryEntry>? History { get; init; }
}

/// <summary>A group member: a user id, plus a history when the model may not know them.</summary>
public sealed record GroupMemberRequest
{
    public string? User { get; init; }

    public IReadOnlyList<HistoryEntry>? History { get; init; }
}

/// <summary>Top-k for a group under one aggregation strategy.</summary>
public sealed record GroupRecommendationRequest
{
    public IReadOnlyList<GroupMemberRequest?>? Members { get; init; }

    public int K { get; init; } = 10;

    public string? Model { get; init; }

    /// <value>average, least-misery, most-pleasure, borda, overlap-first, expected-plays (<see cref="Encore.Models.Group.GroupStrategyNames"/>). Default average.</value>
    public string? Strategy { get; init; }

    /// <value>min-max or rank. Default min-max.</value>
    public string? Normalisation { get; init; }

    public bool ExcludeSeen { get; init; } = true;

    public IReadOnlyList<string>? Exclude { get; init; }

    public IReadOnlyList<string>? Allow { get; init; }
}

/// <summary>Continue a playlist from seed tracks and / or a title.</summary>
public sealed record PlaylistContinuationRequest
{
    public IReadOnlyList<string>? Seeds { get; init; }

    public string? Title { get; init; }

    public int K { get; init; } = 10;

    public string? Model { get; init; }
}

/// <summary>Scores of a candidate list for a user (history used when the model does not know the user).</summary>
public sealed record ScoreRequest
{
    public IReadOnlyList<string>? Tracks { get; init; }

    public string? Model { get; init; }

    public IReadOnlyList<HistoryEntry>? History { get; init; }

    /// <summary>Also explain every candidate feature by feature (models that can: hierarchy); the list is then scored as one list.</summary>
    public bool Explain { get; init; }
}
