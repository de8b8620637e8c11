using Encore.Data.Import.Common;
using Encore.Data.Model;
using Encore.Data.Text;

namespace Encore.Data.Import.HetRec;

/// <summary>Reads user_artists.dat (userID, artistID, weight -> play-count events) and user_friends.dat (userID, friendID).</summary>
internal static class HetRecInteractions
{
    public static void ReadListens(HetRecContext ctx, string path)
    {
        var b = ctx.Builder;
        var seen = new DuplicateFilter<(int, int, float)>();
        using var reader = ctx.Open(path);
        while (reader.TryRead(out var row))
        {
            if (HeaderLine.IsHeader(row, 3))
            {
                reader.CountAsHeader();
                continue;
            }
            if (row.CheckFieldCount(["userID", "artistID", "weight"]) is { } bad) { ctx.Report.Fault(FaultRules.FieldCount, bad); continue; }
            if (!Utf8Numbers.TryLong(row[0], out _)) { ctx.Report.Fault(FaultRules.BadNumber, row.Error(0, "userID", "expected an integer user id")); continue; }
            if (!Utf8Numbers.TryLong(row[1], out _)) { ctx.Report.Fault(FaultRules.BadNumber, row.Error(1, "artistID", "expected an integer artist id")); continue; }
            if (!row.TryFloat(2, out var weight) || weight < 0) { ctx.Report.Fault(FaultRules.BadNumber, row.Error(2, "weight", "expected a non-negative listen count")); continue; }
            row.TryId(0, b.Users, out var user);
            row.TryId(1, b.Artists, out var artist);
            if (!seen.IsNew((user, artist, weight))) { ctx.Report.Remove(FaultRules.Duplicate); continue; }
            b.Events.Add(user, artist, EventKind.Play, Missing.Time, Missing.Session, weight);
        }
        ctx.Report.Count("user_artists.dat rows", reader.DataRows);
    }

    public static void ReadFriends(HetRecContext ctx, string path)
    {
        var b = ctx.Builder;
        var seen = new DuplicateFilter<(int, int)>();
        using var reader = ctx.Open(path);
        while (reader.TryRead(out var row))
        {
            if (HeaderLine.IsHeader(row, 2))
            {
                reader.CountAsHeader();
                continue;
            }
            if (row.CheckFieldCount(["userID", "friendID"]) is { } bad) { ctx.Report.Fault(FaultRules.FieldCount, bad); continue; }
            if (!Utf8Numbers.TryLong(row[0], out _)) { ctx.Report.Fault(FaultRules.BadNumber, row.Error(0, "userID", "expected an integer user id")); continue; }
            if (!Utf8Numbers.TryLong(row[1], out _)) { ctx.Report.Fault(FaultRules.BadNumber, row.Error(1, "friendID", "expected an integer user id")); continue; }
            row.TryId(0, b.Users, out var from);
            row.TryId(1, b.Users, out var to);
            if (!seen.IsNew((from, to))) { ctx.Report.Remove(FaultRules.Duplicate); continue; }
            b.Friendships.Add((from, to));
        }
        ctx.Report.Count("user_friends.dat rows", reader.DataRows);
    }
}
