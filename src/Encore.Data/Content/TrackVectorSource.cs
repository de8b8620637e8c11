namespace Encore.Data.Content;

/// <summary>Which catalogue columns make a track's content vector.</summary>
public enum TrackVectorSource
{
    /// <summary>The embedding column when the dataset has one, else the audio features.</summary>
    Auto,
    /// <summary>The imported embedding column only.</summary>
    Embedding,
    /// <summary>The ten Spotify-style audio features only (IUM tracks, the synthetic world).</summary>
    Audio,
    /// <summary>Embedding followed by the audio features.</summary>
    Both,
}
