namespace Encore.Data.Statistics;

/// <summary>Rows per table / ids per map of a dataset.</summary>
public sealed record DatasetCounts(
    int Users, int Tracks, int Artists, int Albums, int Genres, int Playlists,
    int Events, int Ratings, int Tags, int TagAssignments, int Friendships, int Candidates);
