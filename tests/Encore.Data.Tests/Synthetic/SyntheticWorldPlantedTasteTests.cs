using Encore.Data.Model;
using Encore.Data.Synthetic;

namespace Encore.Data.Tests.Synthetic;

public sealed class SyntheticWorldPlantedTasteTests(SyntheticWorldFixture fixture) : IClassFixture<SyntheticWorldFixture>
{
    public static TheoryData<string> Worlds => ["Tiny", "Small"];

    private SyntheticWorld World(string name) => name == "Tiny" ? fixture.Tiny : fixture.Small;

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Events_PlaysConcentrateInPlantedGenres(string name)
    {
        var sut = World(name);
        var e = sut.Dataset.Events;
        var tracksPerGenre = new double[sut.Options.Genres];
        foreach (var g in sut.TrackGenres) tracksPerGenre[g]++;
        double inPlanted = 0, plays = 0, expectedByCatalogue = 0;
        for (var i = 0; i < e.Count; i++)
        {
            if (e.Kinds[i] != EventKind.Play) continue;
            plays++;
            if (sut.GenreWeight(e.Users[i], sut.TrackGenres[e.Items[i]]) > 0) inPlanted++;
            foreach (var g in sut.UserGenres[e.Users[i]]) expectedByCatalogue += tracksPerGenre[g] / sut.TrackGenres.Length;
        }

        var share = inPlanted / plays;
        var baseline = expectedByCatalogue / plays;
        Assert.True(share > 0.8, $"share of plays in planted genres {share:F3}");
        Assert.True(share > 2 * baseline, $"share {share:F3} vs catalogue share of those genres {baseline:F3}");
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Events_LikesHaveHigherTrueAffinityThanSkips(string name)
    {
        var sut = World(name);
        var e = sut.Dataset.Events;
        double like = 0, skip = 0;
        int likes = 0, skips = 0;
        for (var i = 0; i < e.Count; i++)
        {
            if (e.Kinds[i] == EventKind.Like) { like += sut.TrueAffinity(e.Users[i], e.Items[i]); likes++; }
            if (e.Kinds[i] == EventKind.Skip) { skip += sut.TrueAffinity(e.Users[i], e.Items[i]); skips++; }
        }

        Assert.True(likes > 0 && skips > 0);
        Assert.True(like / likes > skip / skips + 0.5, $"mean affinity like {like / likes:F3}, skip {skip / skips:F3}");
    }

    [Fact]
    public void Ratings_HigherForHigherTrueAffinity()
    {
        var sut = fixture.Small;
        var r = sut.Dataset.Ratings;
        double high = 0, low = 0;
        int highs = 0, lows = 0;
        for (var i = 0; i < r.Count; i++)
        {
            var a = sut.TrueAffinity(r.Users[i], r.Levels[i], r.Targets[i]);
            if (a > 0.9) { high += r.Values[i]; highs++; }
            if (a < 0.3) { low += r.Values[i]; lows++; }
        }

        Assert.True(high / highs > low / lows + 30, $"mean rating at high affinity {high / highs:F1}, at low {low / lows:F1}");
    }

    [Fact]
    public void PlantedMixture_WeightsSumToOneAndHeaviestFirst()
    {
        var sut = fixture.Small;

        for (var u = 0; u < sut.Options.Users; u++)
        {
            var genres = sut.UserGenres[u];
            var weights = sut.UserGenreWeights.AsSpan(sut.UserGenres.Offsets[u], genres.Length);
            Assert.InRange(genres.Length, 1, sut.Options.MaxGenresPerUser);
            Assert.Equal(genres.Length, genres.ToArray().Distinct().Count());
            var sum = 0f;
            for (var i = 0; i < weights.Length; i++)
            {
                sum += weights[i];
                if (i > 0) Assert.True(weights[i] <= weights[i - 1]);
                Assert.Equal(weights[i], sut.GenreWeight(u, genres[i]));
            }
            Assert.Equal(1f, sum, 1e-5f);
        }
    }

    [Fact]
    public void TopTrueTracks_BestFirstAndNoneBetterOutside()
    {
        var sut = fixture.Tiny;
        const int user = 3;

        var top = sut.TopTrueTracks(user, 10);

        Assert.Equal(10, top.Length);
        for (var i = 1; i < top.Length; i++) Assert.True(sut.TrueAffinity(user, top[i - 1]) >= sut.TrueAffinity(user, top[i]));
        var tenth = sut.TrueAffinity(user, top[^1]);
        var better = Enumerable.Range(0, sut.Options.Tracks).Count(t => sut.TrueAffinity(user, t) > tenth);
        Assert.Equal(9, better);
        Assert.True(sut.GenreWeight(user, sut.TrackGenres[top[0]]) > 0, "the best track lies in a planted genre");
    }

    [Fact]
    public void Embeddings_AreALinearImageOfTheLatentVectors()
    {
        // Least squares from latent (16) to the first embedding column explains nearly all its variance.
        var sut = fixture.Small;
        var tracks = sut.Dataset.TrackInfo;
        var d = sut.LatentDimension;
        var x = new double[d, d];
        var y = new double[d];
        for (var t = 0; t < tracks.Count; t++)
        {
            var v = sut.TrackLatent.AsSpan(t * d, d);
            var target = tracks.EmbeddingOf(t)[0];
            for (var i = 0; i < d; i++)
            {
                y[i] += v[i] * target;
                for (var j = 0; j < d; j++) x[i, j] += v[i] * v[j];
            }
        }
        var w = Solve(x, y);
        double residual = 0, total = 0, mean = 0;
        for (var t = 0; t < tracks.Count; t++) mean += tracks.EmbeddingOf(t)[0] / tracks.Count;
        for (var t = 0; t < tracks.Count; t++)
        {
            var v = sut.TrackLatent.AsSpan(t * d, d);
            var prediction = 0.0;
            for (var i = 0; i < d; i++) prediction += w[i] * v[i];
            var target = tracks.EmbeddingOf(t)[0];
            residual += (target - prediction) * (target - prediction);
            total += (target - mean) * (target - mean);
        }

        Assert.True(1 - residual / total > 0.7, $"R^2 {1 - residual / total:F3}");
    }

    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        for (var c = 0; c < n; c++)
        {
            for (var r = c + 1; r < n; r++)
            {
                var f = a[r, c] / a[c, c];
                for (var k = c; k < n; k++) a[r, k] -= f * a[c, k];
                b[r] -= f * b[c];
            }
        }
        var x = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var s = b[r];
            for (var k = r + 1; k < n; k++) s -= a[r, k] * x[k];
            x[r] = s / a[r, r];
        }
        return x;
    }
}
