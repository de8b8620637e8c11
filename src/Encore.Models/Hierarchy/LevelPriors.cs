using Encore.Core.Errors;

namespace Encore.Models.Hierarchy;

/// <summary>
/// Bayesian-smoothed global score of every entity at every level (SPEC S4 fallback step 2):
/// mu_i = (N_i mean_i + C P) / (N_i + C), with N_i the number of users who rated i, mean_i their mean rating,
/// C the level's prior strength and P the prior mean (<see cref="PriorSettings"/>: the global mean M as in SPEC S4,
/// or the level's own mean M_level). An entity nobody rated, and every entity of a level with C = infinity, gets P.
/// </summary>
public sealed class LevelPriors
{
    private readonly float[][] _mu;
    private readonly int[][] _counts;
    private readonly double[] _levelMeans;
    private readonly double[] _levelSpreads;

    /// <summary>SPEC S4's formula: one <paramref name="priorStrength"/> C for every level, prior mean M.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priorStrength"/> is negative or NaN.</exception>
    public LevelPriors(HierarchyRatings ratings, double priorStrength)
        : this(ratings, PriorSettings.Spec(Checked(priorStrength)))
    {
    }

    /// <summary>Per-level C and the prior mean of <paramref name="settings"/>.</summary>
    public LevelPriors(HierarchyRatings ratings, PriorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        GlobalMean = ratings.GlobalMean;
        _mu = new float[4][];
        _counts = new int[4][];
        _levelMeans = new double[4];
        _levelSpreads = new double[4];
        double pooled = 0;
        long pooledCount = 0;
        for (var l = 0; l < 4; l++)
        {
            var m = ratings.At((HierarchyLevel)l);
            var sums = new double[m.Columns];
            var counts = new int[m.Columns];
            var cols = m.ColumnIndices;
            var vals = m.Values;
            double total = 0;
            for (var i = 0; i < cols.Length; i++) { sums[cols[i]] += vals[i]; counts[cols[i]]++; total += vals[i]; }
            _levelMeans[l] = cols.Length == 0 ? GlobalMean : total / cols.Length;
            double squares = 0;
            foreach (var v in vals) { squares += (v - _levelMeans[l]) * (v - _levelMeans[l]); pooled += (v - GlobalMean) * (v - GlobalMean); }
            _levelSpreads[l] = cols.Length == 0 ? 0 : Math.Sqrt(squares / cols.Length);
            pooledCount += cols.Length;
            var prior = settings.Mean == PriorMean.Level ? _levelMeans[l] : GlobalMean;
            var c = settings.Strength((HierarchyLevel)l);
            var mu = new float[m.Columns];
            for (var i = 0; i < mu.Length; i++)
                mu[i] = double.IsPositiveInfinity(c) || counts[i] + c == 0 ? (float)prior : (float)((sums[i] + c * prior) / (counts[i] + c));
            _mu[l] = mu;
            _counts[l] = counts;
        }
        GlobalSpread = pooledCount == 0 ? 0 : Math.Sqrt(pooled / pooledCount);
    }

    /// <summary>C per level and the prior mean.</summary>
    public PriorSettings Settings { get; }

    /// <summary>M: the global mean rating.</summary>
    public double GlobalMean { get; }

    /// <summary>The mean of the training ratings of <paramref name="level"/> (M when the level has none).</summary>
    public double LevelMean(HierarchyLevel level) => _levelMeans[(int)level];

    /// <summary>The population standard deviation of the training ratings of <paramref name="level"/> (0 when it has none).</summary>
    public double LevelSpread(HierarchyLevel level) => _levelSpreads[(int)level];

    /// <summary>The population standard deviation of every training rating of every level around M (0 when there are none).</summary>
    public double GlobalSpread { get; }

    /// <summary>P at <paramref name="level"/>: M, or M_level with <see cref="PriorMean.Level"/>.</summary>
    public double PriorMeanAt(HierarchyLevel level) => Settings.Mean == PriorMean.Level ? _levelMeans[(int)level] : GlobalMean;

    /// <summary>True when <paramref name="level"/> is smoothed (finite C), so mu_i differs between entities.</summary>
    public bool Smooths(HierarchyLevel level) => !double.IsPositiveInfinity(Settings.Strength(level));

    /// <summary>mu_i of <paramref name="target"/> at <paramref name="level"/>.</summary>
    public float Smoothed(HierarchyLevel level, int target) => _mu[(int)level][target];

    /// <summary>N_i: number of users who rated <paramref name="target"/>.</summary>
    public int RatingCount(HierarchyLevel level, int target) => _counts[(int)level][target];

    private static double Checked(double priorStrength)
    {
        Guard.NonNegative(priorStrength);
        return priorStrength;
    }
}
