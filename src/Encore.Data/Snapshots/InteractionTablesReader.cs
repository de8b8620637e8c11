using Encore.Data.Model;

namespace Encore.Data.Snapshots;

/// <summary>Reads events, ratings, tag assignments and candidates back (codes are authoritative, names ignored).</summary>
internal static class InteractionTablesReader
{
    public static Task<EventTable> ReadEventsAsync(SnapshotReadContext ctx) =>
        ctx.ReadTableAsync(SnapshotTables.Events, async r => new EventTable
        {
            Users = await r.PlainAsync<int>("user_idx"),
            Items = await r.PlainAsync<int>("item_idx"),
            Kinds = AsEnum<EventKind>(await r.PlainAsync<byte>("kind_code")),
            Timestamps = await r.WithNullsAsync("timestamp_ms", Missing.Time),
            Sessions = await r.WithNullsAsync("session", Missing.Session),
            Values = await r.PlainAsync<float>("value"),
        });

    public static Task<RatingTable> ReadRatingsAsync(SnapshotReadContext ctx) =>
        ctx.ReadTableAsync(SnapshotTables.Ratings, async r => new RatingTable
        {
            Users = await r.PlainAsync<int>("user_idx"),
            Levels = AsEnum<EntityLevel>(await r.PlainAsync<byte>("level_code")),
            Targets = await r.PlainAsync<int>("target_idx"),
            Values = await r.PlainAsync<float>("value"),
            Timestamps = await r.WithNullsAsync("timestamp_ms", Missing.Time),
        });

    public static Task<TagTable> ReadTagsAsync(SnapshotReadContext ctx) =>
        ctx.ReadTableAsync(SnapshotTables.TagAssignments, async r => new TagTable
        {
            Users = await r.PlainAsync<int>("user_idx"),
            Levels = AsEnum<EntityLevel>(await r.PlainAsync<byte>("level_code")),
            Targets = await r.PlainAsync<int>("target_idx"),
            Tags = await r.PlainAsync<int>("tag_idx"),
            Timestamps = await r.WithNullsAsync("timestamp_ms", Missing.Time),
        });

    public static Task<CandidateTable> ReadCandidatesAsync(SnapshotReadContext ctx) =>
        ctx.ReadTableAsync(SnapshotTables.Candidates, async r => new CandidateTable
        {
            Users = await r.PlainAsync<int>("user_idx"),
            Tracks = await r.PlainAsync<int>("track_idx"),
            Labels = await r.PlainAsync<sbyte>("label"),
        });

    private static TEnum[] AsEnum<TEnum>(byte[] codes) where TEnum : struct, Enum =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, TEnum>(codes).ToArray();
}
