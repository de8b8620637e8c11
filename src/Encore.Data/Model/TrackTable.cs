namespace Encore.Data.Model;

/// <summary>Columnar catalogue of tracks; row i is the track with dense index i.</summary>
public sealed class TrackTable
{
    public required string?[] Titles { get; init; }
    public required int[] Artists { get; init; }
    public required int[] Albums { get; init; }
    public required IntLists Genres { get; init; }
    public required int[] DurationsMs { get; init; }
    /// <summary>yyyymmdd, 00 for unknown month / day, 0 for unknown.</summary>
    public required int[] ReleaseDates { get; init; }
    public required float[] Popularity { get; init; }
    public required sbyte[] Explicit { get; init; }
    /// <summary>Row-major Count x <see cref="AudioFeatures.Count"/>; NaN = missing.</summary>
    public required float[] Audio { get; init; }
    /// <summary>Embedding width (0 = no embeddings).</summary>
    public required int EmbeddingDimension { get; init; }
    /// <summary>Row-major Count x <see cref="EmbeddingDimension"/>; NaN rows = no embedding.</summary>
    public required float[] Embeddings { get; init; }

    public int Count => Artists.Length;

    public ReadOnlySpan<float> AudioOf(int track) => Audio.AsSpan(track * AudioFeatures.Count, AudioFeatures.Count);

    public ReadOnlySpan<float> EmbeddingOf(int track) => Embeddings.AsSpan(track * EmbeddingDimension, EmbeddingDimension);

    public static TrackTable Empty(int count) => new TrackTableBuilder().Build(count);
}
