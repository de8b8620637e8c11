namespace Encore.Data.Model;

/// <summary>
/// Explicit ratings over the hierarchy (SPEC S4): each rating targets a track, album, artist or genre
/// (dense index into the matching id map) and keeps its original scale.
/// </summary>
public sealed class RatingTable
{
    public required int[] Users { get; init; }
    public required EntityLevel[] Levels { get; init; }
    public required int[] Targets { get; init; }
    public required float[] Values { get; init; }
    public required long[] Timestamps { get; init; }

    public int Count => Users.Length;

    public static RatingTable Empty => new RatingTableBuilder().Build();
}
