namespace Encore.Models.ColdStart;

/// <summary>
/// One recommendation request in external ids. <see cref="UserId"/> may be unknown to the model or null
/// (anonymous, e.g. a playlist continuation from seeds); <see cref="History"/> is what the user did at request
/// time (tracks just played, playlist seeds), each with strength 1 unless <see cref="HistoryValues"/> says otherwise.
/// </summary>
public sealed record ColdStartRequest
{
    public string? UserId { get; init; }

    /// <value>Items (external ids) of the request-time history; unknown ids are ignored and reported.</value>
    public IReadOnlyList<string>? History { get; init; }

    /// <value>Strength per history item (same length as <see cref="History"/>); null = 1 for each.</value>
    public IReadOnlyList<float>? HistoryValues { get; init; }

    /// <value>Leave out what the user already has (training row and request history). Default true.</value>
    public bool ExcludeSeen { get; init; } = true;

    /// <value>Items never to recommend (external ids; unknown ones are reported).</value>
    public IReadOnlyList<string>? Exclude { get; init; }

    /// <value>When set, only these items may be recommended (external ids; unknown ones are reported).</value>
    public IReadOnlyList<string>? Allow { get; init; }
}
