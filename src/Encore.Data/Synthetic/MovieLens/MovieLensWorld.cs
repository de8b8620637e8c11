using Encore.Core.Randomness;
using Encore.Data.Model;

namespace Encore.Data.Synthetic.MovieLens;

/// <summary>
/// A MovieLens-shaped world: users rate movies 1-5 stars (rating events, as a MovieLens <c>ratings.csv</c> imported with
/// <c>kind-default=rating</c>), with a planted taste so that a personalised model can beat the popularity list.
/// </summary>
/// <remarks>
/// <para>
/// Movies: one genre each (uniform), a popularity weight 1 / (rank + 1)^0.9 over a random rank (a long tail as in MovieLens)
/// and a quality q ~ N(0, 0.45). Users: two favourite genres, a bias b ~ N(0, 0.35), a number of ratings drawn log-normally
/// around <c>TargetRatings / Users</c> (at least <see cref="MovieLensWorldOptions.MinRatingsPerUser"/>, at most 40% of the
/// movies). Each pick: with probability <see cref="MovieLensWorldOptions.TasteShare"/> a movie of a favourite genre by
/// popularity, else any movie by popularity; no movie twice.
/// </para>
/// <para>
/// Stars: a latent score (b + q + 0.3 for a favourite genre, -0.5 otherwise, + N(0, 0.85)) / 1.1 cut at the normal
/// quantiles of MovieLens 100K's star shares, which gives its shape: mode 4, then 3, 5, 2, 1 (docs/synthetic-world.md). Times: seconds spread over
/// 2 years from 2000-01-01, kept in milliseconds.
/// </para>
/// <para>Every draw comes from one seeded stream per user (<see cref="Rng.Fork"/>), so a seed gives the same data set bit for bit.</para>
/// </remarks>
public static class MovieLensWorld
{
    /// <summary>The data set's source name: not "synthetic" (that is the 0..100 S4 scale), so the ratings' threshold comes from their top.</summary>
    public const string Source = "synth-movielens";

    private const long StartMs = 946_684_800_000; // 2000-01-01T00:00:00Z
    private const long SpanMs = 2L * 365 * 24 * 3600 * 1000;

    /// <summary>Generates the data set.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static MusicDataset Generate(MovieLensWorldOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var movies = options.Movies;
        var catalogue = Rng.Fork(options.Seed, 1);
        var genreOf = new int[movies];
        var quality = new double[movies];
        var popularity = PopularityWeights(movies, ref catalogue);
        for (var m = 0; m < movies; m++)
        {
            genreOf[m] = catalogue.NextInt(options.Genres);
            quality[m] = 0.45 * catalogue.NextGaussian();
        }
        var all = Cumulative(Enumerable.Range(0, movies), popularity);
        var byGenre = Enumerable.Range(0, options.Genres).Select(g => Enumerable.Range(0, movies).Where(m => genreOf[m] == g).ToArray()).ToArray();
        var genreTables = byGenre.Select(ms => Cumulative(ms, popularity)).ToArray();

        var b = new MusicDatasetBuilder(Source);
        for (var m = 0; m < movies; m++) b.Tracks.GetOrAdd(Id("m", m));
        var cap = Math.Max(1, (int)(0.4 * movies));
        var floor = Math.Min(options.MinRatingsPerUser, cap);
        var mean = Math.Max(floor, (double)options.TargetRatings / options.Users);
        var picked = new HashSet<int>();
        for (var u = 0; u < options.Users; u++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rng = Rng.Fork(options.Seed, 1000 + (ulong)u);
            var user = b.Users.GetOrAdd(Id("u", u));
            var first = rng.NextInt(options.Genres);
            var second = (first + 1 + rng.NextInt(options.Genres - 1)) % options.Genres; // a different genre
            var bias = 0.35 * rng.NextGaussian();
            // Log-normal count with mean `mean` (sigma 0.8), within [floor, cap].
            var count = (int)Math.Clamp(Math.Round(mean * Math.Exp(0.8 * rng.NextGaussian() - 0.32)), floor, cap);
            picked.Clear();
            var start = StartMs + (long)(rng.NextDouble() * SpanMs * 0.9);
            for (var attempts = 0; picked.Count < count && attempts < 50 * count; attempts++)
            {
                var favourite = rng.NextDouble() < options.TasteShare;
                var genre = rng.NextInt(2) == 0 ? first : second;
                var movie = favourite && byGenre[genre].Length > 0 ? Draw(byGenre[genre], genreTables[genre], ref rng) : Draw(null, all, ref rng);
                if (!picked.Add(movie)) continue;
                var liked = genreOf[movie] == first || genreOf[movie] == second;
                var latent = (bias + quality[movie] + (liked ? 0.3 : -0.5) + 0.85 * rng.NextGaussian()) / 1.1;
                var stars = Stars(latent);
                var time = Math.Min(StartMs + SpanMs, start + (long)(rng.NextDouble() * SpanMs * 0.1));
                b.Events.Add(user, movie, EventKind.Rating, time, Missing.Session, stars);
            }
        }
        return b.Build();
    }

    // Cuts of the latent score (about standard normal) at MovieLens 100K's cumulative shares of 1..4 stars: 6.1%, 17.5%,
    // 44.6%, 78.8% (normal quantiles), so the stars come out 6 / 11 / 27 / 34 / 21%: mode 4, mean about 3.5.
    private static readonly double[] Cuts = [-1.546, -0.935, -0.136, 0.800];

    private static float Stars(double latent)
    {
        var stars = 1;
        foreach (var cut in Cuts) if (latent >= cut) stars++;
        return stars;
    }

    // Weights 1 / (rank + 1)^0.9 over a random ranking of the movies.
    private static double[] PopularityWeights(int movies, ref Rng rng)
    {
        var rank = Enumerable.Range(0, movies).ToArray();
        rng.Shuffle(rank.AsSpan());
        var weights = new double[movies];
        for (var m = 0; m < movies; m++) weights[m] = 1.0 / Math.Pow(rank[m] + 1, 0.9);
        return weights;
    }

    // Running sums of the weights of `items` in order (the last is the total).
    private static double[] Cumulative(IEnumerable<int> items, double[] weights)
    {
        var sums = new List<double>();
        var total = 0.0;
        foreach (var i in items) sums.Add(total += weights[i]);
        return [.. sums];
    }

    // An item by weight: `items[k]` (or k itself when items is null) for the first running sum above a uniform draw.
    private static int Draw(int[]? items, double[] cumulative, ref Rng rng)
    {
        var target = rng.NextDouble() * cumulative[^1];
        var k = Array.BinarySearch(cumulative, target);
        k = k >= 0 ? k + 1 : ~k;
        k = Math.Min(k, cumulative.Length - 1);
        return items is null ? k : items[k];
    }

    private static string Id(string prefix, int index) => prefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
