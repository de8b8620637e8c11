namespace Encore.Online.Dashboard;

/// <summary>
/// One track (or, in an artist-level data set such as HetRec, one artist) of a user's history: how many events,
/// their summed value, the newest time, and where they are stored (Source is "store" for ingested events, "base"
/// for the base dataset, or "both"). Total sums each event's value, an event without one counting 1: a HetRec
/// artist's single event carries the play count, so Total is the plays and Events is 1.
/// </summary>
public sealed record HistoryTrack(string Track, string? Title, string? Artist, long Events, double Total, long? LastMs, string Source);

/// <summary>
/// A user's listening history for the user explorer, the largest <see cref="HistoryTrack.Total"/> first (then the
/// most events): Events counts all the user's events (both sources), DistinctTracks the tracks before the list was
/// cut to the limit.
/// </summary>
public sealed record UserHistory(string User, long Events, int DistinctTracks, IReadOnlyList<HistoryTrack> Tracks);

/// <summary>Title and artist of a track when the catalogue or base dataset knows them; for an artist-level item both are the artist's name.</summary>
public sealed record TrackLabel(string Track, string? Title, string? Artist);

/// <summary>
/// A registered model version as the dashboard shows it (the file name, not its full path). CanExplain and
/// CanFindSimilar say what the loaded model supports (false for versions that are not active), so pages only
/// ask for what will succeed.
/// </summary>
public sealed record DashboardModel(string Name, int Version, string Kind, string File, string? EvaluationRunId, string? Note, long RegisteredMs, bool IsActive,
    bool CanExplain, bool CanFindSimilar);
