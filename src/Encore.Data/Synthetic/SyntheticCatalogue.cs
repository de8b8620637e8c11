namespace Encore.Data.Synthetic;

/// <summary>The generated catalogue with its planted latent vectors (row-major, <see cref="Dimension"/> wide).</summary>
internal sealed class SyntheticCatalogue
{
    public required GenreSpace Genres { get; init; }
    public required int Dimension { get; init; }

    public required int[] ArtistGenres { get; init; }
    /// <summary>Secondary genre per artist or -1.</summary>
    public required int[] ArtistSecondaryGenres { get; init; }
    public required float[] ArtistLatent { get; init; }

    public required int[] AlbumArtists { get; init; }
    public required float[] AlbumLatent { get; init; }
    public required int[] AlbumReleaseDates { get; init; }

    public required int[] TrackAlbums { get; init; }
    public required int[] TrackArtists { get; init; }
    public required int[] TrackGenres { get; init; }
    public required float[] TrackLatent { get; init; }
    /// <summary>Zipf weight (rank + 1)^-s of each track.</summary>
    public required double[] TrackZipfWeights { get; init; }
    /// <summary>Spotify-style 0..100 popularity derived from the Zipf rank.</summary>
    public required float[] TrackPopularity { get; init; }
    public required int[] TrackDurationsMs { get; init; }

    public int ArtistCount => ArtistGenres.Length;
    public int AlbumCount => AlbumArtists.Length;
    public int TrackCount => TrackAlbums.Length;

    public ReadOnlySpan<float> Track(int track) => TrackLatent.AsSpan(track * Dimension, Dimension);

    /// <summary>The secondary genre of a track (its artist's) or -1; the primary one is <see cref="TrackGenres"/>.</summary>
    public int SecondaryGenreOf(int track) => ArtistSecondaryGenres[TrackArtists[track]];
}
