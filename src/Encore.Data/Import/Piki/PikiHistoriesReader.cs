using Encore.Data.Import.Common;
using Encore.Data.Model;
using Encore.Data.Text;

namespace Encore.Data.Import.Piki;

/// <summary>
/// Reads <c>.histories</c>: one user per line, tab-separated, <c>u&lt;id&gt;</c> then pairs of <c>s&lt;song&gt;</c>
/// and a value (1 like, -1 dislike, 2 superlike), in time order; no timestamps, so repeats are kept.
/// </summary>
internal static class PikiHistoriesReader
{
    public static void Read(string path, MusicDatasetBuilder b, ImportOptions options, ImportReport report,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        using var reader = new DelimitedReader(path, (byte)'\t', options, quoting: false, progress, ct);
        while (reader.TryRead(out var row))
        {
            // A trailing tab leaves one empty last field.
            var count = row.Count > 1 && row[row.Count - 1].IsEmpty ? row.Count - 1 : row.Count;
            if (count < 1 || count % 2 == 0)
            {
                // An even count: the last song has no value (the user's own field is the odd one).
                var missing = count < 1 ? "user (field 1)" : $"value (field {count + 1})";
                report.Fault(FaultRules.FieldCount, new Core.Errors.DataFormatException(reader.File, reader.LineNumber, missing,
                    $"expected u<user> then tab-separated pairs s<song>, value; found {row.Count} fields; missing: {missing}{(count >= 2 ? $", the value of '{Utf8Text.Excerpt(row[count - 1])}'" : "")}{Delimiters.Hint(row.Line, (byte)'\t')}"));
                continue;
            }
            var userField = row[0];
            if (userField.Length < 2 || userField[0] != 'u') { report.Fault(FaultRules.Malformed, row.Error(0, "user", "expected u<user id>")); continue; }
            if (!DelimitedRow.IsId(userField[1..])) { report.Fault(FaultRules.BadUtf8, row.InvalidUtf8(0, "user")); continue; }
            // The user is registered with its first accepted pair: a line whose every pair is rejected registers no user.
            var user = -1;
            for (var i = 1; i + 1 < count; i += 2)
            {
                var songField = row[i];
                if (songField.Length < 2 || songField[0] != 's') { report.Fault(FaultRules.Malformed, row.Error(i, "song", "expected s<song id>")); continue; }
                if (!row.TryInt(i + 1, out var liked) || liked is not (1 or -1 or 2) || !PikiImporter.TryKind(liked, out var kind, out var value))
                {
                    report.Fault(FaultRules.BadNumber, row.Error(i + 1, "value", "expected 1 (like), -1 (dislike) or 2 (superlike)"));
                    continue;
                }
                if (!DelimitedRow.TryId(songField[1..], b.Tracks, out var song)) { report.Fault(FaultRules.BadUtf8, row.InvalidUtf8(i, "song")); continue; }
                if (user < 0) DelimitedRow.TryId(userField[1..], b.Users, out user);
                b.Events.Add(user, song, kind, Missing.Time, Missing.Session, value);
                report.Count($"value {liked}");
            }
        }
        report.Count(Path.GetFileName(path) + " rows", reader.DataRows);
    }
}
