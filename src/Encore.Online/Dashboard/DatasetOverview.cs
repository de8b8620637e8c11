namespace Encore.Online.Dashboard;

/// <summary>Sizes of one data source (the service's event store or its base dataset).</summary>
/// <param name="Events">Number of events.</param>
/// <param name="Users">Distinct users with at least one event.</param>
/// <param name="Tracks">Distinct items with at least one event.</param>
/// <param name="CatalogueUsers">Users known to the catalogue (users table / user id map).</param>
/// <param name="CatalogueTracks">Tracks known to the catalogue (tracks table / track id map).</param>
/// <param name="Playlists">Playlists (0 for the store).</param>
/// <param name="FirstEventMs">Unix ms of the oldest timed event, or null.</param>
/// <param name="LastEventMs">Unix ms of the newest timed event, or null.</param>
public sealed record OverviewCounts(long Events, long Users, long Tracks, long CatalogueUsers, long CatalogueTracks, long Playlists, long? FirstEventMs, long? LastEventMs);

/// <summary>Number of events of one kind ("play", "like", ...).</summary>
public sealed record KindCount(string Kind, long Events);

/// <summary>Number of events on one UTC day (Day is an ISO date, yyyy-MM-dd).</summary>
public sealed record DayCount(string Day, long Events);

/// <summary>A track (or item) and its number of events.</summary>
public sealed record TrackCount(string Track, string? Title, long Events);

/// <summary>How many tracks have between <paramref name="Min"/> and <paramref name="Max"/> events (inclusive).</summary>
public sealed record PopularityBucket(long Min, long Max, long Tracks);

/// <summary>
/// Everything the dataset overview page plots, for one source: Source is "store" or "base", Name a human
/// name of the source (the dataset's own name for the base dataset).
/// </summary>
public sealed record DatasetOverview(
    string Source,
    string Name,
    OverviewCounts Counts,
    IReadOnlyList<KindCount> EventsPerKind,
    IReadOnlyList<DayCount> EventsPerDay,
    IReadOnlyList<TrackCount> TopTracks,
    IReadOnlyList<PopularityBucket> Popularity);
