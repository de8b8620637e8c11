namespace Encore.Data.Model;

/// <summary>The Spotify-style audio features every track may carry, in the stored column order.</summary>
public static class AudioFeatures
{
    public static readonly IReadOnlyList<string> Names =
    [
        "danceability", "energy", "key", "loudness", "speechiness",
        "acousticness", "instrumentalness", "liveness", "valence", "tempo",
    ];

    public const int Count = 10;
}
