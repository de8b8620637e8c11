using Encore.Core.Parallelism;
using Encore.Core.Randomness;
using Encore.Data.Model;

namespace Encore.Data.Synthetic;

/// <summary>
/// SPEC S4-style explicit ratings on tracks, albums, artists and genres: each user rates the levels in
/// their own proportions, a Dirichlet draw around 50 / 20 / 20 / 10% (<see cref="RatingHabits"/>). A rating's
/// target comes from the user's taste (60%) or from popularity (40%, so low ratings exist); its propensity is
/// 100 x logistic(k (affinity - midpoint) + noise), with the midpoint halfway between the skip and like
/// midpoints, and the stored score is that propensity's star value (0 / 30 / 50 / 70 / 90, as Yahoo! Music's
/// widget gives). Counts are Poisson per user; a target already rated by the user is redrawn (up to 4 times).
/// </summary>
internal sealed class RatingGenerator(SyntheticWorldOptions o, SyntheticCatalogue catalogue, AffinityModel affinity,
    TrackSampler sampler, ulong seed)
{
    private const int Retries = 4;
    private readonly SyntheticWorldOptions _o = o;

    public RatingTable Run(IReadOnlyList<long> joinTimes, CancellationToken ct)
    {
        var users = _o.Users;
        var stageSeed = SyntheticStreams.StageSeed(seed, SyntheticStage.Ratings);
        var offsets = new int[users + 1];
        for (var u = 0; u < users; u++)
        {
            var rng = SyntheticStreams.ForIndex(stageSeed, 2L * u);
            offsets[u + 1] = checked(offsets[u] + Poisson(_o.MeanRatingsPerUser, ref rng));
        }
        var n = offsets[^1];
        var table = new RatingTable
        {
            Users = new int[n],
            Levels = new EntityLevel[n],
            Targets = new int[n],
            Values = new float[n],
            Timestamps = new long[n],
        };
        var end = _o.StartTime.ToUnixTimeMilliseconds() + _o.SpanDays * 86_400_000L;
        var midpoint = (_o.SkipMidpoint + _o.LikeMidpoint) / 2;
        ParallelLoop.For(users, _o.DegreeOfParallelism, (from, to) =>
        {
            Span<double> mix = stackalloc double[4];
            for (var u = from; u < to; u++)
            {
                var rng = SyntheticStreams.ForIndex(stageSeed, 2L * u + 1);
                RatingHabits.DrawLevelMix(mix, ref rng);
                for (var r = offsets[u]; r < offsets[u + 1]; r++)
                {
                    var (level, target) = DrawTarget(u, mix, table, offsets[u], r, ref rng);
                    var logit = _o.FeedbackSharpness / 2 * (affinity.Affinity(u, level, target) - midpoint) + 0.5 * rng.NextGaussian();
                    table.Users[r] = u;
                    table.Levels[r] = level;
                    table.Targets[r] = target;
                    table.Values[r] = RatingHabits.Star(100 * LatentMath.Logistic(logit));
                    table.Timestamps[r] = joinTimes[u] + (long)(rng.NextDouble() * Math.Max(1, end - joinTimes[u]));
                }
            }
        }, ct);
        return table;
    }

    private (EntityLevel Level, int Target) DrawTarget(int user, ReadOnlySpan<double> mix, RatingTable table, int first, int row, ref Rng rng)
    {
        var level = EntityLevel.Track;
        var target = 0;
        for (var attempt = 0; attempt <= Retries; attempt++)
        {
            var track = rng.NextDouble() < 0.6
                ? sampler.DrawInGenre(sampler.DrawGenre(user, ref rng), affinity.Taste(user), ref rng, out _)
                : sampler.DrawPopular(ref rng);
            var roll = rng.NextDouble();
            (level, target) = roll switch
            {
                _ when roll < mix[0] => (EntityLevel.Track, track),
                _ when roll < mix[1] => (EntityLevel.Album, catalogue.TrackAlbums[track]),
                _ when roll < mix[2] => (EntityLevel.Artist, catalogue.TrackArtists[track]),
                _ => (EntityLevel.Genre, catalogue.TrackGenres[track]),
            };
            if (!Seen(table, first, row, level, target)) break;
        }
        return (level, target);
    }

    private static bool Seen(RatingTable table, int first, int row, EntityLevel level, int target)
    {
        for (var i = first; i < row; i++)
            if (table.Targets[i] == target && table.Levels[i] == level) return true;
        return false;
    }

    private static int Poisson(double mean, ref Rng rng)
    {
        if (mean <= 0) return 0;
        if (mean > 30) return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * rng.NextGaussian()));
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = rng.NextDouble();
        while (p > limit) { k++; p *= rng.NextDouble(); }
        return k;
    }
}
