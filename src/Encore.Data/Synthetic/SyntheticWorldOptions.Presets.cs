namespace Encore.Data.Synthetic;

/// <summary>Named shapes used by tests, the demo and the scale benchmarks.</summary>
public sealed partial record SyntheticWorldOptions
{
    /// <summary>100 users x 500 tracks x 5,000 events: unit tests (generates in milliseconds).</summary>
    public static SyntheticWorldOptions Tiny => new()
    {
        Users = 100,
        Tracks = 500,
        Genres = 8,
        Artists = 60,
        AlbumsPerArtist = 2,
        TargetEvents = 5_000,
        LatentDimension = 16,
        EmbeddingDimension = 16,
        Playlists = 20,
        MeanPlaylistLength = 10,
    };

    /// <summary>2,000 users x 10,000 tracks x 200,000 events: the demo (the defaults).</summary>
    public static SyntheticWorldOptions Small => new();

    /// <summary>Same as <see cref="Small"/>.</summary>
    public static SyntheticWorldOptions Demo => Small;

    /// <summary>50,000 users x 20,000 tracks x 2M events: the shape of PEERS.md's synthetic power-law set.</summary>
    public static SyntheticWorldOptions PeersSynth => new()
    {
        Users = 50_000,
        Tracks = 20_000,
        Genres = 30,
        Artists = 2_000,
        AlbumsPerArtist = 3,
        TargetEvents = 2_000_000,
        Playlists = 0,
        MeanRatingsPerUser = 0,
    };

    /// <summary>~360,000 users x 160,000 tracks x 17.5M events: the shape of Last.fm 360k.</summary>
    public static SyntheticWorldOptions LastFm360k => new()
    {
        Users = 360_000,
        Tracks = 160_000,
        Genres = 60,
        Artists = 16_000,
        AlbumsPerArtist = 3,
        TargetEvents = 17_500_000,
        Playlists = 0,
        MeanRatingsPerUser = 0,
    };

    /// <summary>
    /// The demo world with SPEC S4 ratings dense enough for the six-candidate protocol: 2,000 users x 10,000
    /// tracks, 60 ratings per user on average (~120,000 ratings over tracks, albums, artists and genres).
    /// The planted hierarchy is the generator's: a track's vector is its album's plus noise, an album's its
    /// artist's plus noise, so a user's album / artist / genre ratings carry information about its tracks.
    /// </summary>
    public static SyntheticWorldOptions Hierarchy => Small with { MeanRatingsPerUser = 60 };

    /// <summary>
    /// The six-candidate benchmark shape: 20,000 users x 20,000 tracks, 50 ratings per user (~1M ratings),
    /// 400,000 listening events (kept small: the S4 models read only the ratings).
    /// </summary>
    public static SyntheticWorldOptions Hierarchy1M => new()
    {
        Users = 20_000,
        Tracks = 20_000,
        Genres = 30,
        Artists = 2_000,
        AlbumsPerArtist = 3,
        TargetEvents = 400_000,
        Playlists = 0,
        MeanRatingsPerUser = 50,
    };
}
