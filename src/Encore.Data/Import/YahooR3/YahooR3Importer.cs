using Encore.Data.Import.Common;
using Encore.Data.Model;
using Encore.Data.Text;

namespace Encore.Data.Import.YahooR3;

/// <summary>
/// Yahoo! R3 (ydata-ymusic-rating-study): <c>UserId&lt;TAB&gt;SongId&lt;TAB&gt;Rating</c> (1..5), no header, no time,
/// into track-level ratings. Folders contribute their *train*.txt and *test*.txt files; survey files are skipped.
/// </summary>
public sealed class YahooR3Importer : IDatasetImporter
{
    public string Format => "yahoo-r3";

    public string Description => "Yahoo! R3 rating files: UserId<TAB>SongId<TAB>Rating (1..5), e.g. ydata-ymusic-rating-study-v1_0-train.txt";

    public MusicDataset Import(IReadOnlyList<string> paths, ImportOptions options, ImportReport report,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var b = new MusicDatasetBuilder("yahoo-r3: " + string.Join(", ", paths));
        var seen = new DuplicateFilter<(int, int, float)>();
        foreach (var file in ImportPaths.Files(paths))
        {
            var name = ImportPaths.BaseName(file);
            var given = paths.Contains(file);
            if (!given && !(name.Contains("TRAIN", StringComparison.Ordinal) || name.Contains("TEST", StringComparison.Ordinal))) continue;
            using var reader = new DelimitedReader(file, (byte)'\t', options, quoting: false, progress, cancellationToken);
            while (reader.TryRead(out var row))
            {
                if (HeaderLine.IsHeader(row, 3))
                {
                    reader.CountAsHeader();
                    continue;
                }
                if (row.CheckFieldCount(["UserId", "SongId", "Rating"]) is { } bad) { report.Fault(FaultRules.FieldCount, bad); continue; }
                if (!Utf8Numbers.TryLong(row[0], out _)) { report.Fault(FaultRules.BadNumber, row.Error(0, "UserId", "expected an integer user id")); continue; }
                if (!Utf8Numbers.TryLong(row[1], out _)) { report.Fault(FaultRules.BadNumber, row.Error(1, "SongId", "expected an integer song id")); continue; }
                if (!row.TryInt(2, out var rating) || rating is < 1 or > 5) { report.Fault(FaultRules.OutOfRange, row.Error(2, "Rating", "expected an integer rating 1..5")); continue; }
                row.TryId(0, b.Users, out var user);
                row.TryId(1, b.Tracks, out var song);
                if (!seen.IsNew((user, song, rating))) { report.Remove(FaultRules.Duplicate); continue; }
                b.Ratings.Add(user, EntityLevel.Track, song, rating);
            }
            report.Count(Path.GetFileName(file) + " rows", reader.DataRows);
        }
        return b.Build();
    }
}
