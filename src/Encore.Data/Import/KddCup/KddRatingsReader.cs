using Encore.Data.Import.Common;
using Encore.Data.Model;
using Encore.Data.Text;

namespace Encore.Data.Import.KddCup;

/// <summary>Reads the block files: trainIdx2 (ItemId&lt;TAB&gt;Score [extra columns ignored]) and testIdx2 (TrackId, optionally &lt;TAB&gt;Label 1/0 for a labelled candidate file).</summary>
internal static class KddRatingsReader
{
    public static void ReadTrain(KddContext ctx, KddCatalogue catalogue, string path)
    {
        var seen = new DuplicateFilter<(int, EntityLevel, int, float)>();
        using var reader = ctx.Open(path);
        var blocks = new KddBlocks(ctx, reader);
        while (reader.TryReadLine(out var line))
        {
            if (blocks.TryHeader(line) || !blocks.InBlock) continue;
            var row = Split(reader, line);
            if (row.CheckFieldCount(["ItemId", "Score"]) is { } bad) { ctx.Report.Fault(FaultRules.FieldCount, bad); continue; }
            if (!TryItem(ctx, catalogue, row, out var level, out var target)) continue;
            if (!row.TryInt(1, out var score) || score is < 0 or > 100) { ctx.Report.Fault(FaultRules.OutOfRange, row.Error(1, "Score", "expected an integer score 0..100")); continue; }
            var user = blocks.RegisterUser();
            if (!seen.IsNew((user, level, target, score))) { ctx.Report.Remove(FaultRules.Duplicate); continue; }
            ctx.Builder.Ratings.Add(user, level, target, score);
        }
        blocks.CheckComplete();
        ctx.Report.Count(Path.GetFileName(path) + " rows", reader.DataRows);
    }

    public static void ReadTest(KddContext ctx, KddCatalogue catalogue, string path)
    {
        using var reader = ctx.Open(path);
        var blocks = new KddBlocks(ctx, reader);
        while (reader.TryReadLine(out var line))
        {
            if (blocks.TryHeader(line) || !blocks.InBlock) continue;
            var row = Split(reader, line);
            if (!TryItem(ctx, catalogue, row, out var level, out var track)) continue;
            if (level != EntityLevel.Track) { ctx.Report.Fault(FaultRules.Unknown, row.Error(0, "TrackId", $"expected a track id, found a {level} id")); continue; }
            sbyte label = -1;
            if (row.Count > 1 && row[1].Length > 0)
            {
                if (!row.TryInt(1, out var l) || l is < 0 or > 1) { ctx.Report.Fault(FaultRules.OutOfRange, row.Error(1, "Label", "expected an optional label 1 (liked) or 0 (not liked)")); continue; }
                label = (sbyte)l;
            }
            ctx.Builder.Candidates.Add((blocks.RegisterUser(), track, label));
        }
        blocks.CheckComplete();
        ctx.Report.Count(Path.GetFileName(path) + " rows", reader.DataRows);
    }

    /// <summary>Item lines are tab-separated; some copies use spaces.</summary>
    private static DelimitedRow Split(DelimitedReader reader, ReadOnlySpan<byte> line) =>
        reader.Split(line, line.IndexOf((byte)'\t') < 0 && line.IndexOf((byte)' ') >= 0 ? (byte)' ' : (byte)'\t');

    private static bool TryItem(KddContext ctx, KddCatalogue catalogue, in DelimitedRow row, out EntityLevel level, out int index)
    {
        level = default;
        index = -1;
        if (!row.TryLong(0, out var id)) { ctx.Report.Fault(FaultRules.BadNumber, row.Error(0, "ItemId", "expected an integer item id")); return false; }
        if (catalogue.TryResolve(id, out level, out index)) return true;
        ctx.Report.Fault(FaultRules.Unknown, row.Error(0, "ItemId", "unknown item: expected an id listed in trackData2, albumData2, artistData2 or genreData2"));
        return false;
    }
}
