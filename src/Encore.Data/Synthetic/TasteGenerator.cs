using Encore.Core.Parallelism;
using Encore.Core.Randomness;
using Encore.Data.Model;

namespace Encore.Data.Synthetic;

/// <summary>
/// Plants each user's taste: 1..MaxGenresPerUser distinct genres (drawn by genre share) with Dirichlet(1)
/// weights; taste vector = unit-normalised weighted sum of those genre centroids + a personal offset.
/// One random stream per user, so the result does not depend on the thread count.
/// </summary>
internal static class TasteGenerator
{
    public static SyntheticTastes Create(SyntheticWorldOptions o, GenreSpace genres, ulong seed, CancellationToken ct)
    {
        var users = o.Users;
        var d = o.LatentDimension;
        var maxK = o.MaxGenresPerUser;
        var slots = new int[users * maxK];
        var slotWeights = new float[users * maxK];
        var counts = new int[users];
        var favourite = new int[users * (maxK + 1)];
        var favouriteCounts = new int[users];
        var taste = new float[users * d];
        var joins = new long[users];
        var premium = new sbyte[users];
        var start = o.StartTime.ToUnixTimeMilliseconds();
        var spanMs = o.SpanDays * 86_400_000L;
        var cumulative = new float[genres.Count];
        var acc = 0.0;
        for (var g = 0; g < genres.Count; g++) cumulative[g] = (float)(acc += genres.Shares[g]);
        var stageSeed = SyntheticStreams.StageSeed(seed, SyntheticStage.Tastes);

        ParallelLoop.For(users, o.DegreeOfParallelism, (from, to) =>
        {
            for (var u = from; u < to; u++)
            {
                var rng = SyntheticStreams.ForIndex(stageSeed, u);
                var k = 1 + rng.NextInt(maxK);
                var mine = slots.AsSpan(u * maxK, k);
                var w = slotWeights.AsSpan(u * maxK, k);
                DrawDistinctGenres(mine, cumulative, ref rng);
                var sum = 0f;
                for (var i = 0; i < k; i++) sum += w[i] = (float)-Math.Log(1 - rng.NextDouble());
                for (var i = 0; i < k; i++) w[i] /= sum;
                SortByWeightDescending(mine, w);
                counts[u] = k;

                var v = taste.AsSpan(u * d, d);
                for (var i = 0; i < k; i++) LatentMath.AddScaled(v, genres.Centroid(mine[i]), w[i]);
                var norm = MathF.Sqrt(LatentMath.Dot(v, v));
                if (norm > 0) for (var i = 0; i < d; i++) v[i] /= norm;
                LatentMath.AddNoise(v, o.UserSpread, ref rng);

                joins[u] = start + (long)(rng.NextDouble() * 0.5 * spanMs);
                premium[u] = rng.NextDouble() < 0.3 ? (sbyte)1 : (sbyte)0;
                favouriteCounts[u] = Favourites(mine, favourite.AsSpan(u * (maxK + 1), maxK + 1), genres.Count, ref rng);
            }
        }, ct);

        return new SyntheticTastes
        {
            Genres = FixedSlots.Pack(slots, counts, maxK),
            GenreWeights = FixedSlots.PackWeights(slotWeights, counts, maxK),
            Taste = taste,
            JoinTimes = joins,
            EventBudgets = ActivityBudgets.Create(o, seed),
            Premium = premium,
            FavouriteGenres = FixedSlots.Pack(favourite, favouriteCounts, maxK + 1),
        };
    }

    private static void DrawDistinctGenres(Span<int> target, ReadOnlySpan<float> cumulative, ref Rng rng)
    {
        for (var i = 0; i < target.Length; i++)
        {
            int g;
            var tries = 0;
            do g = tries++ < 64 ? LatentMath.DrawCumulative(cumulative, ref rng) : rng.NextInt(cumulative.Length);
            while (target[..i].Contains(g));
            target[i] = g;
        }
    }

    private static void SortByWeightDescending(Span<int> genres, Span<float> weights)
    {
        for (var i = 1; i < genres.Length; i++)
            for (var j = i; j > 0 && weights[j] > weights[j - 1]; j--)
            {
                (weights[j], weights[j - 1]) = (weights[j - 1], weights[j]);
                (genres[j], genres[j - 1]) = (genres[j - 1], genres[j]);
            }
    }

    // Declared favourites: each planted genre with probability 0.7, plus a random other genre with 0.2.
    private static int Favourites(ReadOnlySpan<int> planted, Span<int> target, int genreCount, ref Rng rng)
    {
        var n = 0;
        foreach (var g in planted)
            if (rng.NextDouble() < 0.7) target[n++] = g;
        if (rng.NextDouble() < 0.2)
        {
            var extra = rng.NextInt(genreCount);
            if (!target[..n].Contains(extra)) target[n++] = extra;
        }
        return n;
    }
}
