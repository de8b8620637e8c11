using Encore.Data.Model;

namespace Encore.Data.Statistics;

/// <summary>
/// What a dataset holds, as pure data (the CLI prints it). Per-user and per-item distributions count only users
/// and items that have at least one event; density is distinct (user, item) pairs over users x items of the
/// dataset's <see cref="MusicDataset.ItemLevel"/>.
/// </summary>
public sealed record DatasetStatistics
{
    public required DatasetCounts Counts { get; init; }
    public required EntityLevel ItemLevel { get; init; }
    /// <summary>Distinct (user, item) pairs among events.</summary>
    public required long DistinctPairs { get; init; }
    /// <summary>DistinctPairs / (users x items); 0 when either is 0.</summary>
    public required double Density { get; init; }
    public required IReadOnlyDictionary<EventKind, long> EventsPerKind { get; init; }
    public required int UsersWithEvents { get; init; }
    public required int ItemsWithEvents { get; init; }
    /// <summary>Earliest event time (Unix ms), ignoring missing timestamps; null when no event has one.</summary>
    public required long? FirstEventMs { get; init; }
    public required long? LastEventMs { get; init; }
    public required Distribution EventsPerUser { get; init; }
    public required Distribution EventsPerItem { get; init; }
    /// <summary>Event values that are not NaN.</summary>
    public required Distribution EventValues { get; init; }
    /// <summary>Rating values that are not NaN (any level, original scales).</summary>
    public required Distribution RatingValues { get; init; }
    /// <summary>Track count of every playlist (empty ones included).</summary>
    public required Distribution PlaylistLengths { get; init; }

    /// <summary>Computes the statistics in a few linear passes plus one sort of the pair keys.</summary>
    public static DatasetStatistics Compute(MusicDataset dataset) => DatasetStatisticsCalculator.Compute(dataset);
}
