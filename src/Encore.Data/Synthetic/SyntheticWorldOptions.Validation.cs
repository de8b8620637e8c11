using Encore.Core.Errors;

namespace Encore.Data.Synthetic;

/// <summary>Checks each option and the cross-field rules; messages name the option and what it must be.</summary>
public sealed partial record SyntheticWorldOptions
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        Guard.Positive(Users);
        Guard.Positive(Tracks);
        Guard.InRange(Genres, 1, 100_000);
        Guard.Positive(Artists);
        Guard.Positive(AlbumsPerArtist);
        if ((long)Artists * AlbumsPerArtist > Tracks)
            throw new ArgumentException(
                $"Tracks ({Tracks}) must be at least Artists x AlbumsPerArtist ({(long)Artists * AlbumsPerArtist}): every album needs a track.");
        if (TargetEvents < Users || TargetEvents > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(TargetEvents), TargetEvents,
                $"TargetEvents must be in [Users ({Users}), {int.MaxValue}]: every user gets at least one event (got {TargetEvents}).");
        Guard.InRange(LatentDimension, 2, 1024);
        Guard.NonNegative(ZipfExponent);
        Guard.NonNegative(PopularityExponent);
        Guard.NonNegative(AffinityWeight);
        Guard.InRange(CandidatesPerDraw, 1, 1024);
        Guard.NonNegative(GenreSizeExponent);
        Guard.InRange(SecondaryGenreProbability, 0, 1);
        Guard.InRange(MaxGenresPerUser, 1, Genres);
        Guard.NonNegative(ArtistSpread);
        Guard.NonNegative(AlbumSpread);
        Guard.NonNegative(TrackSpread);
        Guard.NonNegative(UserSpread);
        Guard.InRange(ActivitySigma, 0, 5);
        Guard.InRange(ExplorationProbability, 0, 1);
        Guard.InRange(RepeatProbability, 0, 0.99);
        Guard.InRange(SessionGenreStickiness, 0, 1);
        Guard.InRange(MeanSessionLength, 1, 10_000);
        Guard.InRange(SpanDays, 1, 365 * 100);
        Guard.InRange(MaxSkipProbability, 0, 1);
        Guard.InRange(MaxLikeProbability, 0, 1);
        Guard.Positive(FeedbackSharpness);
        Guard.NonNegative(Playlists);
        Guard.InRange(MeanPlaylistLength, 5, 10_000);
        Guard.InRange(MeanRatingsPerUser, 0, 10_000);
        Guard.InRange(EmbeddingDimension, 0, 4096);
        Guard.NonNegative(EmbeddingNoise);
        Guard.NonNegative(DegreeOfParallelism);
        if (double.IsNaN(SkipMidpoint) || double.IsNaN(LikeMidpoint))
            throw new ArgumentException("SkipMidpoint and LikeMidpoint must be numbers.");
    }
}
