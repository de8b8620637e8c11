using Encore.Data.Model;
using Parquet.Schema;

namespace Encore.Data.Snapshots;

/// <summary>Writes the row tables: events, ratings, tag assignments and candidates (dense indices, codes plus names).</summary>
internal static class InteractionTablesWriter
{
    public static async Task WriteAsync(MusicDataset d, SnapshotWriteContext ctx)
    {
        await WriteEventsAsync(d.Events, ctx);
        await WriteRatingsAsync(d.Ratings, ctx);
        await WriteTagsAsync(d.TagAssignments, ctx);
        await WriteCandidatesAsync(d.Candidates, ctx);
    }

    private static Task WriteEventsAsync(EventTable e, SnapshotWriteContext ctx)
    {
        var user = new DataField<int>("user_idx");
        var item = new DataField<int>("item_idx");
        var kind = new DataField<string>("kind", false);
        var code = new DataField<byte>("kind_code");
        var time = new DataField<long>("timestamp_ms", true);
        var session = new DataField<long>("session", true);
        var value = new DataField<float>("value");
        var schema = new ParquetSchema(user, item, kind, code, time, session, value);
        return ctx.WriteTableAsync(SnapshotTables.Events, schema, e.Count, async (g, start, count) =>
        {
            await ColumnWriter.Plain(g, user, e.Users, start, count);
            await ColumnWriter.Plain(g, item, e.Items, start, count);
            await ColumnWriter.Strings(g, kind, CodeNames.KindColumn(e.Kinds, start, count), 0, count);
            await ColumnWriter.Plain(g, code, Codes(e.Kinds, start, count), 0, count);
            await ColumnWriter.WithNulls(g, time, e.Timestamps, start, count, Missing.Time);
            await ColumnWriter.WithNulls(g, session, e.Sessions, start, count, Missing.Session);
            await ColumnWriter.Plain(g, value, e.Values, start, count);
        });
    }

    private static Task WriteRatingsAsync(RatingTable r, SnapshotWriteContext ctx)
    {
        var user = new DataField<int>("user_idx");
        var level = new DataField<string>("level", false);
        var code = new DataField<byte>("level_code");
        var target = new DataField<int>("target_idx");
        var value = new DataField<float>("value");
        var time = new DataField<long>("timestamp_ms", true);
        return ctx.WriteTableAsync(SnapshotTables.Ratings, new ParquetSchema(user, level, code, target, value, time), r.Count,
            async (g, start, count) =>
            {
                await ColumnWriter.Plain(g, user, r.Users, start, count);
                await ColumnWriter.Strings(g, level, CodeNames.LevelColumn(r.Levels, start, count), 0, count);
                await ColumnWriter.Plain(g, code, Codes(r.Levels, start, count), 0, count);
                await ColumnWriter.Plain(g, target, r.Targets, start, count);
                await ColumnWriter.Plain(g, value, r.Values, start, count);
                await ColumnWriter.WithNulls(g, time, r.Timestamps, start, count, Missing.Time);
            });
    }

    private static Task WriteTagsAsync(TagTable t, SnapshotWriteContext ctx)
    {
        var user = new DataField<int>("user_idx");
        var level = new DataField<string>("level", false);
        var code = new DataField<byte>("level_code");
        var target = new DataField<int>("target_idx");
        var tag = new DataField<int>("tag_idx");
        var time = new DataField<long>("timestamp_ms", true);
        return ctx.WriteTableAsync(SnapshotTables.TagAssignments, new ParquetSchema(user, level, code, target, tag, time), t.Count,
            async (g, start, count) =>
            {
                await ColumnWriter.Plain(g, user, t.Users, start, count);
                await ColumnWriter.Strings(g, level, CodeNames.LevelColumn(t.Levels, start, count), 0, count);
                await ColumnWriter.Plain(g, code, Codes(t.Levels, start, count), 0, count);
                await ColumnWriter.Plain(g, target, t.Targets, start, count);
                await ColumnWriter.Plain(g, tag, t.Tags, start, count);
                await ColumnWriter.WithNulls(g, time, t.Timestamps, start, count, Missing.Time);
            });
    }

    private static Task WriteCandidatesAsync(CandidateTable c, SnapshotWriteContext ctx)
    {
        var user = new DataField<int>("user_idx");
        var track = new DataField<int>("track_idx");
        var label = new DataField<sbyte>("label");
        return ctx.WriteTableAsync(SnapshotTables.Candidates, new ParquetSchema(user, track, label), c.Count, async (g, start, count) =>
        {
            await ColumnWriter.Plain(g, user, c.Users, start, count);
            await ColumnWriter.Plain(g, track, c.Tracks, start, count);
            await ColumnWriter.Plain(g, label, c.Labels, start, count);
        });
    }

    private static byte[] Codes<TEnum>(TEnum[] values, int start, int count) where TEnum : struct, Enum
    {
        var source = System.Runtime.InteropServices.MemoryMarshal.Cast<TEnum, byte>(values.AsSpan(start, count));
        return source.ToArray();
    }
}
