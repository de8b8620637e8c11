namespace Encore.Data.Model;

/// <summary>Free-text tags users put on catalogue entities (Last.fm tagging); tag text lives in <see cref="MusicDataset.Tags"/>.</summary>
public sealed class TagTable
{
    public required int[] Users { get; init; }
    public required EntityLevel[] Levels { get; init; }
    public required int[] Targets { get; init; }
    public required int[] Tags { get; init; }
    public required long[] Timestamps { get; init; }

    public int Count => Users.Length;

    public static TagTable Empty => new() { Users = [], Levels = [], Targets = [], Tags = [], Timestamps = [] };
}
