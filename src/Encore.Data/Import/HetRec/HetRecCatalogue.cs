using Encore.Data.Import.Common;
using Encore.Data.Text;

namespace Encore.Data.Import.HetRec;

/// <summary>Reads artists.dat (id, name, url, pictureURL; UTF-8) and tags.dat (tagID, tagValue; Latin-1).</summary>
internal static class HetRecCatalogue
{
    public static void ReadArtists(HetRecContext ctx, string path)
    {
        var b = ctx.Builder;
        using var reader = ctx.Open(path);
        while (reader.TryRead(out var row))
        {
            if (HeaderLine.IsHeader(row, 2))
            {
                reader.CountAsHeader();
                continue;
            }
            if (row.CheckFieldCount(["id", "name"]) is { } bad) { ctx.Report.Fault(FaultRules.FieldCount, bad); continue; }
            if (!Utf8Numbers.TryLong(row[0], out _)) { ctx.Report.Fault(FaultRules.BadNumber, row.Error(0, "id", "expected an integer artist id")); continue; }
            if (row.TryString(1) is not { } name) { ctx.Report.Fault(FaultRules.BadUtf8, row.InvalidUtf8(1, "name")); continue; }
            row.TryId(0, b.Artists, out var artist);
            if (b.ArtistInfo.Has(artist)) ctx.Report.Remove("artists.dat: repeated artist id");
            b.ArtistInfo.Set(artist, name);
        }
        ctx.Report.Count("artists.dat rows", reader.DataRows);
    }

    /// <summary>Maps tag ids to the tag text, which becomes the id in the dataset's Tags map. Returns tagID -> dense index.</summary>
    public static Dictionary<long, int> ReadTags(HetRecContext ctx, string path)
    {
        var byId = new Dictionary<long, int>();
        using var reader = ctx.Open(path);
        while (reader.TryRead(out var row))
        {
            if (HeaderLine.IsHeader(row, 2))
            {
                reader.CountAsHeader();
                continue;
            }
            if (row.CheckFieldCount(["tagID", "tagValue"]) is { } bad) { ctx.Report.Fault(FaultRules.FieldCount, bad); continue; }
            if (!row.TryLong(0, out var id)) { ctx.Report.Fault(FaultRules.BadNumber, row.Error(0, "tagID", "expected an integer tag id")); continue; }
            // tags.dat is ISO-8859-1, unlike the other files: every byte is a character.
            var text = Utf8Text.Latin1(row[1]);
            var before = ctx.Builder.Tags.Count;
            var tag = ctx.Builder.Tags.GetOrAdd(text);
            if (tag < before) ctx.Report.Count("tags.dat: tag text shared by several ids");
            if (!byId.TryAdd(id, tag)) ctx.Report.Remove("tags.dat: repeated tag id");
        }
        ctx.Report.Count("tags.dat rows", reader.DataRows);
        return byId;
    }
}
