using Encore.Core.Errors;
using Encore.Data.Import.Common;
using Encore.Data.Model;

namespace Encore.Data.Import.KddCup;

/// <summary>
/// Yahoo! Music KDD Cup 2011 track 2: catalogue files (trackData2, albumData2, artistData2, genreData2) are
/// read first; trainIdx2 (or trainItem2) blocks become ratings (0..100) at the level each item id belongs to;
/// testIdx2 (or testItem2) blocks become candidate lists with label -1. testTrack_hierarchy.txt adds track
/// links (and candidates when no test file is given).
/// </summary>
public sealed class KddCupImporter : IDatasetImporter
{
    public string Format => "kddcup";

    public string Description => "Yahoo! Music KDD Cup 2011 track 2 folder: trackData2/albumData2/artistData2/genreData2.txt, trainIdx2.txt, testIdx2.txt";

    public MusicDataset Import(IReadOnlyList<string> paths, ImportOptions options, ImportReport report,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var files = ImportPaths.Files(paths);
        CheckRequiredFiles(paths, files, report);
        var builder = new MusicDatasetBuilder("kddcup: " + string.Join(", ", paths));
        var ctx = new KddContext(builder, options, report, progress, cancellationToken);
        var catalogue = new KddCatalogue(ctx);
        if (ImportPaths.Find(files, "genreData2.txt") is { } genres) catalogue.ReadIds(genres, EntityLevel.Genre);
        if (ImportPaths.Find(files, "artistData2.txt") is { } artists) catalogue.ReadIds(artists, EntityLevel.Artist);
        if (ImportPaths.Find(files, "albumData2.txt") is { } albums) catalogue.ReadAlbums(albums);
        if (ImportPaths.Find(files, "trackData2.txt") is { } tracks) catalogue.ReadTracks(tracks);

        var train = ImportPaths.Find(files, "trainIdx2.txt") ?? ImportPaths.Find(files, "trainItem2.txt");
        var test = ImportPaths.Find(files, "testIdx2.txt") ?? ImportPaths.Find(files, "testItem2.txt");
        var hierarchy = ImportPaths.Find(files, "testTrack_hierarchy.txt");
        if (hierarchy is not null)
            catalogue.ReadTracks(hierarchy, first: 1, test is null ? (u, t) => builder.Candidates.Add((u, t, -1)) : null);
        if ((train ?? test) is { } ratingsFile && catalogue.Count == 0)
            throw new DataFormatException(ratingsFile, 0, "", "item ids can only be resolved with the catalogue files (trackData2.txt, albumData2.txt, artistData2.txt, genreData2.txt) in the same folder.");
        if (train is not null) KddRatingsReader.ReadTrain(ctx, catalogue, train);
        if (test is not null) KddRatingsReader.ReadTest(ctx, catalogue, test);
        return builder.Build();
    }

    /// <summary>
    /// Refuses (in every error mode) an input without the track file or the training file, naming every
    /// missing required file; missing optional files (albums, artists, genres, test) become warnings.
    /// </summary>
    private static void CheckRequiredFiles(IReadOnlyList<string> paths, IReadOnlyList<string> files, ImportReport report)
    {
        var missing = new List<string>();
        if (ImportPaths.Find(files, "trackData2.txt") is null) missing.Add("trackData2.txt (track -> album, artist, genres)");
        if (ImportPaths.Find(files, "trainIdx2.txt") is null && ImportPaths.Find(files, "trainItem2.txt") is null)
            missing.Add("trainIdx2.txt or trainItem2.txt (the training ratings)");
        if (missing.Count > 0)
            throw new DataFormatException(string.Join(", ", paths), 0, "",
                $"missing required KDD Cup 2011 track 2 file{(missing.Count > 1 ? "s" : "")}: {string.Join("; ", missing)}. "
                + "Without them every rating and candidate would be an unknown reference.");
        foreach (var optional in new[] { "albumData2.txt", "artistData2.txt", "genreData2.txt" })
            if (ImportPaths.Find(files, optional) is null)
                report.Warn($"{optional} not found: ids of that kind are known only through track links.");
        if (ImportPaths.Find(files, "testIdx2.txt") is null && ImportPaths.Find(files, "testItem2.txt") is null
            && ImportPaths.Find(files, "testTrack_hierarchy.txt") is null)
            report.Warn("no test file (testIdx2.txt, testItem2.txt or testTrack_hierarchy.txt): no candidate lists imported.");
    }
}
