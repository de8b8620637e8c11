using Encore.Core.Errors;
using Encore.Data.Import.Common;
using Encore.Data.Model;
using Encore.Data.Text;

namespace Encore.Data.Import.Piki;

/// <summary>Reads PIKI CSV files: columns by (case-insensitive) header name; exact duplicate rows are removed.</summary>
internal sealed class PikiCsvReader(MusicDatasetBuilder builder, ImportOptions options, ImportReport report,
    IProgress<ImportProgress>? progress, CancellationToken ct)
{
    private readonly DuplicateFilter<(int, int, int, long)> _seen = new();

    public void Read(string path)
    {
        using var reader = new DelimitedReader(path, (byte)',', options, quoting: true, progress, ct);
        if (!reader.TryRead(out var header)) return;
        reader.CountAsHeader();
        var cols = PikiColumns.Resolve(header, path);
        while (reader.TryRead(out var row))
        {
            // A column read that the row lacks is named first; else the header's trailing columns (a row shorter than the header is damaged).
            if ((row.CheckFieldCount(cols.Names) ?? row.CheckWidth(cols.Header, "the header")) is { } bad) { report.Fault(FaultRules.FieldCount, bad); continue; }
            // Every field is checked before the ids are registered: a skipped row leaves no user or song behind.
            if (!IsId(row, cols.User, "user_id") || !IsId(row, cols.Song, "song_id")) continue;
            if (!row.TryInt(cols.Liked, out var liked) || liked is < 0 or > 2 || !PikiImporter.TryKind(liked, out var kind, out var value))
            {
                report.Fault(FaultRules.BadNumber, row.Error(cols.Liked, "liked", "expected 0 (dislike), 1 (like) or 2 (superlike)"));
                continue;
            }
            var time = Missing.Time;
            if (cols.Time >= 0 && !Utf8Timestamps.TryIso8601(row[cols.Time], out time))
            {
                report.Fault(FaultRules.BadTime, row.Error(cols.Time, "timestamp", "expected YYYY-MM-DD HH:MM:SS"));
                continue;
            }
            var popularity = float.NaN;
            if (cols.Popularity >= 0 && !row[cols.Popularity].IsEmpty && !row.TryFloat(cols.Popularity, out popularity))
            {
                report.Fault(FaultRules.BadNumber, row.Error(cols.Popularity, "spotify_popularity", "expected a number 0..100"));
                continue;
            }
            row.TryId(cols.User, builder.Users, out var user);
            row.TryId(cols.Song, builder.Tracks, out var song);
            if (!float.IsNaN(popularity) && !builder.TrackInfo.Has(song)) builder.TrackInfo.Set(song, new TrackInfo { Popularity = popularity });
            if (!_seen.IsNew((user, song, liked, time))) { report.Remove(FaultRules.Duplicate); continue; }
            builder.Events.Add(user, song, kind, time, Missing.Session, value);
            report.Count($"liked {liked}");
        }
        report.Count(Path.GetFileName(path) + " rows", reader.DataRows);
    }

    private bool IsId(in DelimitedRow row, int index, string column)
    {
        if (row[index].IsEmpty) { report.Fault(FaultRules.EmptyId, row.Error(index, column, "expected an id")); return false; }
        if (row.IsId(index)) return true;
        report.Fault(FaultRules.BadUtf8, row.InvalidUtf8(index, column));
        return false;
    }
}

/// <summary>Positions of the PIKI columns in one file's header (-1 = absent).</summary>
internal sealed record PikiColumns(int User, int Song, int Liked, int Time, int Popularity)
{
    /// <summary>Every column name of the header, in order (trimmed): a row needs one field for each.</summary>
    public IReadOnlyList<string> Header { get; private init; } = [];

    /// <summary>The header's column names by field position up to the last column read (null for a column not read): a row needs that many fields.</summary>
    public string?[] Names { get; } = NamesOf(User, Song, Liked, Time, Popularity);

    private static string?[] NamesOf(int user, int song, int liked, int time, int popularity)
    {
        var names = new string?[Math.Max(Math.Max(user, song), Math.Max(liked, Math.Max(time, popularity))) + 1];
        foreach (var (at, name) in new[] { (user, "user_id"), (song, "song_id"), (liked, "liked"), (time, "timestamp"), (popularity, "spotify_popularity") })
            if (at >= 0) names[at] = name;
        return names;
    }

    public static PikiColumns Resolve(in DelimitedRow header, string path)
    {
        var names = new List<string>();
        for (var i = 0; i < Math.Max(header.Count, 0); i++) names.Add((header.TryString(i) ?? "").Trim());
        int Find(string name, bool required)
        {
            var i = names.FindIndex(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (i < 0 && required)
                throw new DataFormatException(path, 1, name, $"required column not found; expected a comma-separated header with user_id, song_id, liked; columns found: {string.Join(", ", names)}.");
            return i;
        }
        return new PikiColumns(Find("user_id", true), Find("song_id", true), Find("liked", true), Find("timestamp", false), Find("spotify_popularity", false))
        {
            Header = names,
        };
    }
}
