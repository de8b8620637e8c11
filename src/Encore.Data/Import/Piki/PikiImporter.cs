using Encore.Data.Import.Common;
using Encore.Data.Model;

namespace Encore.Data.Import.Piki;

/// <summary>
/// PIKI music ratings: CSV with a header (user_id, song_id, liked, timestamp, personalized,
/// spotify_popularity, optional id; any order, any case) and the <c>.histories</c> format
/// (<c>u&lt;user&gt;</c> then alternating <c>s&lt;song&gt;</c> and 1 / -1 / 2). Liked 0 / -1 is a Dislike
/// (value -1), 1 a Like (value 1), 2 a superlike: Like with value 2.
/// </summary>
public sealed class PikiImporter : IDatasetImporter
{
    public string Format => "piki";

    public string Description => "PIKI music ratings: *.csv (user_id, song_id, liked, timestamp, ...) and *.histories files";

    public MusicDataset Import(IReadOnlyList<string> paths, ImportOptions options, ImportReport report,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var builder = new MusicDatasetBuilder("piki: " + string.Join(", ", paths));
        var csv = new PikiCsvReader(builder, options, report, progress, cancellationToken);
        var files = ImportPaths.Files(paths).ToList();
        // PIKI's folder holds samples of one data set (the toy file, the first 500 rows, their .histories): a folder
        // merges them all into one dataset, which is rarely meant and was silent (session 12's newcomer).
        var merged = files.Where(f => ImportPaths.BaseName(f).EndsWith(".HISTORIES", StringComparison.Ordinal)
            || ImportPaths.BaseName(f).EndsWith(".CSV", StringComparison.Ordinal) || paths.Contains(f)).ToList();
        if (merged.Count > 1 && paths.Any(Directory.Exists))
            report.Warn($"merged {merged.Count} files into one dataset: {string.Join(", ", merged.Select(Path.GetFileName))}; " +
                "they may hold the same users and songs (PIKI's toy and first-500 files are samples of one data set): pass single files to import one of them.");
        foreach (var file in files)
        {
            var name = ImportPaths.BaseName(file);
            if (name.EndsWith(".HISTORIES", StringComparison.Ordinal))
                PikiHistoriesReader.Read(file, builder, options, report, progress, cancellationToken);
            else if (name.EndsWith(".CSV", StringComparison.Ordinal) || paths.Contains(file))
                csv.Read(file);
        }
        return builder.Build();
    }

    /// <summary>PIKI's liked code -> (kind, value).</summary>
    internal static bool TryKind(int liked, out EventKind kind, out float value)
    {
        (kind, value) = liked switch
        {
            0 or -1 => (EventKind.Dislike, -1f),
            1 => (EventKind.Like, 1f),
            2 => (EventKind.Like, 2f),
            _ => (EventKind.Other, float.NaN),
        };
        return kind != EventKind.Other;
    }
}
