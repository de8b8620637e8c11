using Encore.Data.Import.Common;
using Encore.Data.Model;
using Encore.Data.Text;

namespace Encore.Data.Import.HetRec;

/// <summary>
/// Reads user_taggedartists.dat (userID, artistID, tagID, day, month, year -> that date 00:00 UTC) or the
/// -timestamps variant (userID, artistID, tagID, epoch ms).
/// </summary>
internal static class HetRecTagging
{
    public static void Read(HetRecContext ctx, string path, Dictionary<long, int>? tagIds, bool epochColumn)
    {
        var b = ctx.Builder;
        var seen = new DuplicateFilter<(int, int, int, long)>();
        string?[] columns = epochColumn ? ["userID", "artistID", "tagID", "timestamp"] : ["userID", "artistID", "tagID", "day", "month", "year"];
        var fields = columns.Length;
        using var reader = ctx.Open(path);
        while (reader.TryRead(out var row))
        {
            if (HeaderLine.IsHeader(row, fields))
            {
                reader.CountAsHeader();
                continue;
            }
            if (row.CheckFieldCount(columns) is { } bad) { ctx.Report.Fault(FaultRules.FieldCount, bad); continue; }
            if (!Utf8Numbers.TryLong(row[0], out _)) { ctx.Report.Fault(FaultRules.BadNumber, row.Error(0, "userID", "expected an integer user id")); continue; }
            if (!Utf8Numbers.TryLong(row[1], out _)) { ctx.Report.Fault(FaultRules.BadNumber, row.Error(1, "artistID", "expected an integer artist id")); continue; }
            if (!row.TryLong(2, out var tagId)) { ctx.Report.Fault(FaultRules.BadNumber, row.Error(2, "tagID", "expected an integer tag id")); continue; }
            if (!TryTime(row, epochColumn, out var time, out var error)) { ctx.Report.Fault(FaultRules.BadTime, error!); continue; }
            int tag;
            if (tagIds is null) row.TryId(2, b.Tags, out tag);
            else if (!tagIds.TryGetValue(tagId, out tag)) { ctx.Report.Fault(FaultRules.Unknown, row.Error(2, "tagID", "expected a tag id listed in tags.dat")); continue; }
            row.TryId(0, b.Users, out var user);
            row.TryId(1, b.Artists, out var artist);
            if (!seen.IsNew((user, artist, tag, time))) { ctx.Report.Remove(FaultRules.Duplicate); continue; }
            b.TagAssignments.Add((user, EntityLevel.Artist, artist, tag, time));
        }
        ctx.Report.Count(Path.GetFileName(path) + " rows", reader.DataRows);
    }

    private static bool TryTime(in DelimitedRow row, bool epochColumn, out long time, out Core.Errors.DataFormatException? error)
    {
        error = null;
        if (epochColumn)
        {
            if (Utf8Timestamps.TryEpoch(row[3], milliseconds: true, out time)) return true;
            error = row.Error(3, "timestamp", "expected epoch milliseconds");
            return false;
        }
        if (!row.TryInt(3, out var day)) { time = 0; error = row.Error(3, "day", "expected a day number 1..31"); return false; }
        if (!row.TryInt(4, out var month)) { time = 0; error = row.Error(4, "month", "expected a month number 1..12"); return false; }
        if (!row.TryInt(5, out var year)) { time = 0; error = row.Error(5, "year", "expected a year"); return false; }
        if (Utf8Timestamps.TryDate(year, month, day, out time)) return true;
        error = row.Error(3, "day", $"expected an existing date (day/month/year {day}/{month}/{year})");
        return false;
    }
}
