using Encore.Data.Model;
using Encore.Data.Ratings;
using Encore.Data.Synthetic.MovieLens;

namespace Encore.Data.Tests.Synthetic;

/// <summary>
/// <see cref="MovieLensWorld"/>: seeded (same seed, same ratings), 1-5 stars with MovieLens 100K's shape (mode 4), at least 20
/// ratings a user, dense as MovieLens, and planted taste (favourite-genre picks rated higher than the rest).
/// </summary>
public sealed class MovieLensWorldTests
{
    private static readonly MovieLensWorldOptions Small = new() { Users = 300, Movies = 400, TargetRatings = 20_000, Seed = 7 };

    [Fact]
    public void Generate_SameSeed_SameRatings_OtherSeed_Others()
    {
        var a = MovieLensWorld.Generate(Small);
        var b = MovieLensWorld.Generate(Small);
        var c = MovieLensWorld.Generate(Small with { Seed = 8 });

        Assert.Equal(a.Events.Users.ToArray(), b.Events.Users.ToArray());
        Assert.Equal(a.Events.Items.ToArray(), b.Events.Items.ToArray());
        Assert.Equal(a.Events.Values.ToArray(), b.Events.Values.ToArray());
        Assert.Equal(a.Events.Timestamps.ToArray(), b.Events.Timestamps.ToArray());
        Assert.NotEqual(a.Events.Items.ToArray(), c.Events.Items.ToArray());
    }

    [Fact]
    public void Generate_Stars_HaveMovieLensShape()
    {
        var data = MovieLensWorld.Generate(Small);
        var counts = new int[6];
        foreach (var v in data.Events.Values) counts[(int)v]++;
        var n = (double)data.Events.Count;
        var share = counts.Select(c => c / n).ToArray();

        Assert.All(data.Events.Kinds.ToArray(), k => Assert.Equal(EventKind.Rating, k));
        Assert.All(data.Events.Values.ToArray(), v => Assert.True(v is 1 or 2 or 3 or 4 or 5));
        // MovieLens 100K: 6% / 11% / 27% / 34% / 21%.
        Assert.Equal(4, Array.IndexOf(share, share.Max()));
        Assert.InRange(share[1], 0.02, 0.10);
        Assert.InRange(share[2], 0.06, 0.16);
        Assert.InRange(share[3], 0.20, 0.33);
        Assert.InRange(share[4], 0.28, 0.42);
        Assert.InRange(share[5], 0.12, 0.28);
        Assert.Equal(4f, RatingThresholdRule.Default(data)!.Value.Threshold);
    }

    [Fact]
    public void Generate_RowsAndDensity_AreMovieLensLike()
    {
        var data = MovieLensWorld.Generate(Small);
        var perUser = new int[data.Users.Count];
        foreach (var u in data.Events.Users) perUser[u]++;
        var pairs = data.Events.Users.ToArray().Zip(data.Events.Items.ToArray()).Distinct().Count();

        Assert.Equal(data.Events.Count, pairs); // no movie rated twice by a user
        Assert.True(perUser.Min() >= 20);
        Assert.InRange(data.Events.Count, 15_000, 25_000);
        Assert.InRange(pairs / (300.0 * 400), 0.05, 0.25);
    }
}
