using Encore.Core.Errors;

namespace Encore.Models.Hierarchy;

/// <summary>
/// Bayesian-smoothed global score of every entity at every level (SPEC S4 fallback step 2):
/// mu_i = (N_i mean_i + C M) / (N_i + C), with N_i the number of users who rated i, mean_i their mean
/// rating and M the global mean. An entity nobody rated gets M. C is the prior strength in ratings.
/// </summary>
public sealed class LevelPriors
{
    private readonly float[][] _mu;
    private readonly int[][] _counts;

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priorStrength"/> is negative or not finite.</exception>
    public LevelPriors(HierarchyRatings ratings, double priorStrength)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        Guard.NonNegative(priorStrength);
        PriorStrength = priorStrength;
        GlobalMean = ratings.GlobalMean;
        _mu = new float[4][];
        _counts = new int[4][];
        for (var l = 0; l < 4; l++)
        {
            var m = ratings.At((HierarchyLevel)l);
            var sums = new double[m.Columns];
            var counts = new int[m.Columns];
            var cols = m.ColumnIndices;
            var vals = m.Values;
            for (var i = 0; i < cols.Length; i++) { sums[cols[i]] += vals[i]; counts[cols[i]]++; }
            var mu = new float[m.Columns];
            for (var i = 0; i < mu.Length; i++)
                mu[i] = counts[i] + priorStrength == 0 ? (float)GlobalMean : (float)((sums[i] + priorStrength * GlobalMean) / (counts[i] + priorStrength));
            _mu[l] = mu;
            _counts[l] = counts;
        }
    }

    /// <summary>C: how many ratings' worth of weight the global mean gets.</summary>
    public double PriorStrength { get; }

    /// <summary>M: the global mean rating.</summary>
    public double GlobalMean { get; }

    /// <summary>mu_i of <paramref name="target"/> at <paramref name="level"/>.</summary>
    public float Smoothed(HierarchyLevel level, int target) => _mu[(int)level][target];

    /// <summary>N_i: number of users who rated <paramref name="target"/>.</summary>
    public int RatingCount(HierarchyLevel level, int target) => _counts[(int)level][target];
}
