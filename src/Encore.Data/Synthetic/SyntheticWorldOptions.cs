namespace Encore.Data.Synthetic;

/// <summary>
/// Every knob of <see cref="SyntheticWorld.Generate"/>. Start from a preset (<see cref="Tiny"/>, <see cref="Small"/>,
/// <see cref="PeersSynth"/>, <see cref="LastFm360k"/>) and change fields with <c>with { ... }</c>.
/// <see cref="Validate"/> runs before generation and names the offending option. The generation model is
/// described in docs/synthetic-world.md.
/// </summary>
public sealed partial record SyntheticWorldOptions
{
    /// <summary>Seed of every random step. Default 42.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Number of listeners. Default 2,000.</summary>
    public int Users { get; init; } = 2_000;

    /// <summary>Number of tracks (at least <see cref="Artists"/> x <see cref="AlbumsPerArtist"/>). Default 10,000.</summary>
    public int Tracks { get; init; } = 10_000;

    /// <summary>Number of genres. Default 20.</summary>
    public int Genres { get; init; } = 20;

    /// <summary>Number of artists. Default 1,000.</summary>
    public int Artists { get; init; } = 1_000;

    /// <summary>Albums per artist. Default 3.</summary>
    public int AlbumsPerArtist { get; init; } = 3;

    /// <summary>Total events (plays, likes, skips) to generate; met exactly. Must be at least <see cref="Users"/>. Default 200,000.</summary>
    public long TargetEvents { get; init; } = 200_000;

    /// <summary>Width of the planted latent space (genre centroids, tastes, track vectors). Default 16.</summary>
    public int LatentDimension { get; init; } = 16;

    /// <summary>Zipf exponent s of track popularity: the track of popularity rank r has weight (r + 1)^-s. Default 1.0.</summary>
    public double ZipfExponent { get; init; } = 1.0;

    /// <summary>Exponent a on popularity when a track is drawn (weight popularity^a x exp(beta x affinity)). Default 1.0.</summary>
    public double PopularityExponent { get; init; } = 1.0;

    /// <summary>beta: how strongly true affinity steers which track is drawn. Default 6.</summary>
    public double AffinityWeight { get; init; } = 6.0;

    /// <summary>Candidates drawn by popularity per play and resampled by exp(beta x affinity). Default 8.</summary>
    public int CandidatesPerDraw { get; init; } = 8;

    /// <summary>Zipf exponent of genre sizes: genre g holds a share proportional to (g + 1)^-x of the artists. Default 0.7.</summary>
    public double GenreSizeExponent { get; init; } = 0.7;

    /// <summary>Probability that an artist has a secondary genre. Default 0.3.</summary>
    public double SecondaryGenreProbability { get; init; } = 0.3;

    /// <summary>Most genres in a user's planted taste mixture (1..3 by default, drawn uniformly). Default 3.</summary>
    public int MaxGenresPerUser { get; init; } = 3;

    /// <summary>Spread of artist vectors around their genre centroid. Default 0.5.</summary>
    public double ArtistSpread { get; init; } = 0.5;

    /// <summary>Spread of album vectors around their artist. Default 0.2.</summary>
    public double AlbumSpread { get; init; } = 0.2;

    /// <summary>Spread of track vectors around their album. Default 0.35.</summary>
    public double TrackSpread { get; init; } = 0.35;

    /// <summary>Spread of a user's personal offset around the mixture of their genre centroids. Default 0.5.</summary>
    public double UserSpread { get; init; } = 0.5;

    /// <summary>sigma of the log-normal user activity (heavy tail: larger = more skewed). Default 1.0.</summary>
    public double ActivitySigma { get; init; } = 1.0;

    /// <summary>Probability that a play ignores taste and draws a track by popularity alone. Default 0.1.</summary>
    public double ExplorationProbability { get; init; } = 0.1;

    /// <summary>Probability that a play replays a track the user already played (and did not skip). Default 0.3.</summary>
    public double RepeatProbability { get; init; } = 0.3;

    /// <summary>Probability that a play stays in the session's genre instead of redrawing from the mixture. Default 0.7.</summary>
    public double SessionGenreStickiness { get; init; } = 0.7;

    /// <summary>Mean plays per session (geometric). Default 8.</summary>
    public double MeanSessionLength { get; init; } = 8.0;

    /// <summary>Start of the simulated time span (UTC). Default 2024-01-01.</summary>
    public DateTimeOffset StartTime { get; init; } = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Length of the simulated span in days; users join during its first half. Default 365.</summary>
    public int SpanDays { get; init; } = 365;

    /// <summary>Highest skip probability (reached at very low affinity). Default 0.6.</summary>
    public double MaxSkipProbability { get; init; } = 0.6;

    /// <summary>Affinity at which the skip probability is half its maximum. Default 0.35.</summary>
    public double SkipMidpoint { get; init; } = 0.35;

    /// <summary>Highest like probability (reached at very high affinity). Default 0.5.</summary>
    public double MaxLikeProbability { get; init; } = 0.5;

    /// <summary>Affinity at which the like probability is half its maximum. Default 1.0.</summary>
    public double LikeMidpoint { get; init; } = 1.0;

    /// <summary>Steepness of the logistic skip / like / rating curves in affinity. Default 8.</summary>
    public double FeedbackSharpness { get; init; } = 8.0;

    /// <summary>Number of playlists (owned by random users, filled from the owner's taste). Default 500.</summary>
    public int Playlists { get; init; } = 500;

    /// <summary>Mean playlist length (at least 5). Default 20.</summary>
    public double MeanPlaylistLength { get; init; } = 20.0;

    /// <summary>Mean explicit ratings per user (0..100 on track / album / artist / genre). 0 = none. Default 5.</summary>
    public double MeanRatingsPerUser { get; init; } = 5.0;

    /// <summary>Width of the track embeddings (noisy linear image of the latent vector). 0 = none. Default 32.</summary>
    public int EmbeddingDimension { get; init; } = 32;

    /// <summary>Standard deviation of the noise added to track embeddings. Default 0.1.</summary>
    public double EmbeddingNoise { get; init; } = 0.1;

    /// <summary>Worker threads (0 = all cores). The result never depends on it.</summary>
    public int DegreeOfParallelism { get; init; }
}
