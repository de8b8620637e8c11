using Encore.Core.Errors;
using Encore.Data.Model;

namespace Encore.Data.Import.Common;

/// <summary>
/// Refuses an import that produced nothing to learn from: no events, no ratings and no playlists. Whether the
/// main file was empty or every row was a fault (lenient mode), writing an empty snapshot and exiting 0 hid the
/// problem; this is a bad-input failure (exit 2) in both modes, naming the main file.
/// </summary>
public static class EmptyImportCheck
{
    /// <summary>Throws when <paramref name="dataset"/> holds no events, ratings or playlists.</summary>
    /// <param name="dataset">What the importer produced.</param>
    /// <param name="report">The import's report (its fault count goes into the message).</param>
    /// <param name="paths">The import's input paths; the first is named in the message.</param>
    /// <exception cref="DataFormatException">Nothing was imported.</exception>
    public static void EnsureNotEmpty(MusicDataset dataset, ImportReport report, IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(paths);
        if (dataset.Events.Count > 0 || dataset.Ratings.Count > 0 || dataset.PlaylistInfo.Count > 0) return;
        var file = paths.Count > 0 ? paths[0] : "(input)";
        var faults = report.TotalFaults;
        var problem = faults > 0
            ? $"no events, ratings or playlists were imported: every one of the {faults:N0} rows read was a fault (see the report above); fix the input or the column mapping."
            : "no events, ratings or playlists were imported: the input holds no data rows (an empty file, or only a header).";
        throw new DataFormatException(file, 0, "(file)", problem);
    }
}
