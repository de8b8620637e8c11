using Encore.Data.Import.Common;
using Encore.Data.Model;

namespace Encore.Data.Import.LastFm1K;

/// <summary>
/// Last.fm 1K listening logs (lastfm-dataset-1K): <c>userid-timestamp-artid-artname-traid-traname.tsv</c>
/// (no header; user, ISO-8601 UTC time, artist MBID, artist name, track MBID, track name) into play events,
/// and <c>userid-profile.tsv</c> (<c>#id gender age country registered</c>) into user attributes.
/// </summary>
public sealed class LastFm1KImporter : IDatasetImporter
{
    public string Format => "lastfm1k";

    public string Description => "Last.fm 1K folder: userid-timestamp-artid-artname-traid-traname.tsv and userid-profile.tsv";

    public MusicDataset Import(IReadOnlyList<string> paths, ImportOptions options, ImportReport report,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var builder = new MusicDatasetBuilder("lastfm1k: " + string.Join(", ", paths));
        var files = ImportPaths.Files(paths);
        foreach (var file in files)
            if (IsProfile(file)) LastFm1KProfileReader.Read(file, builder, options, report, progress, cancellationToken);
        var logs = new LastFm1KLogReader(builder, options, report, progress, cancellationToken);
        foreach (var file in files)
        {
            var name = ImportPaths.BaseName(file);
            if (!IsProfile(file) && (name.EndsWith(".TSV", StringComparison.Ordinal) || paths.Contains(file))) logs.Read(file);
        }
        return builder.Build();
    }

    private static bool IsProfile(string file) => ImportPaths.BaseName(file).Contains("PROFILE", StringComparison.Ordinal);
}
