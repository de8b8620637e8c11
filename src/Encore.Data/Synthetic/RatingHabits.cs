using Encore.Core.Randomness;

namespace Encore.Data.Synthetic;

/// <summary>
/// Two realism properties of KDD Cup 2011 (Yahoo! Music) ratings that the S4 heuristics are sensitive to.
/// (1) Users differ in which kinds of item they rate: each user's (track, album, artist, genre) shares are a
/// Dirichlet draw around the mean mix (0.5, 0.2, 0.2, 0.1) with total concentration
/// <see cref="LevelConcentration"/> = 2 (a low concentration: many users rate almost only tracks, a few rate
/// mostly artists), so the hierarchy levels are rated explicitly but sparsely and unevenly rather than by every
/// user. (2) Yahoo! Music scores cluster on the star widget's values 0 / 30 / 50 / 70 / 90 (1 to 5 stars):
/// <see cref="Star"/> maps a 0..100 propensity onto those spikes. Both were fixed once (on the demo preset)
/// and are not tuned per experiment.
/// </summary>
internal static class RatingHabits
{
    /// <summary>Mean share of ratings given to tracks, albums, artists and genres.</summary>
    public static readonly double[] MeanLevelMix = [0.5, 0.2, 0.2, 0.1];

    /// <summary>Sum of the Dirichlet parameters of a user's level mix (smaller = users differ more).</summary>
    public const double LevelConcentration = 2.0;

    /// <summary>One user's cumulative level shares (4 values, last = 1), drawn from Dirichlet(concentration x mean mix).</summary>
    public static void DrawLevelMix(Span<double> cumulative, ref Rng rng)
    {
        var total = 0.0;
        for (var l = 0; l < 4; l++)
        {
            cumulative[l] = Gamma(LevelConcentration * MeanLevelMix[l], ref rng);
            total += cumulative[l];
        }
        var running = 0.0;
        for (var l = 0; l < 4; l++)
        {
            running += total > 0 ? cumulative[l] / total : MeanLevelMix[l];
            cumulative[l] = running;
        }
        cumulative[3] = 1.0;
    }

    /// <summary>The star score (0, 30, 50, 70 or 90) of a 0..100 propensity: cut points 20 / 40 / 60 / 80.</summary>
    public static float Star(double propensity) => propensity switch
    {
        < 20 => 0,
        < 40 => 30,
        < 60 => 50,
        < 80 => 70,
        _ => 90,
    };

    /// <summary>Gamma(shape, 1) sample: Marsaglia and Tsang (2000), with the u^(1/shape) boost for shape &lt; 1.</summary>
    public static double Gamma(double shape, ref Rng rng)
    {
        if (shape < 1)
        {
            double u;
            do u = rng.NextDouble(); while (u <= double.Epsilon);
            return Gamma(shape + 1, ref rng) * Math.Pow(u, 1 / shape);
        }
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = rng.NextGaussian();
                v = 1 + c * x;
            }
            while (v <= 0);
            v = v * v * v;
            var u = rng.NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x) return d * v;
            if (u > 0 && Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v))) return d * v;
        }
    }
}
