namespace Encore.Evaluation.Statistics;

/// <summary>Standard normal tail probabilities (for the Wilcoxon normal approximation).</summary>
internal static class NormalDistribution
{
    /// <summary>P(Z &lt;= z) for a standard normal Z.</summary>
    public static double Cdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>P(|Z| &gt;= |z|).</summary>
    public static double TwoSidedP(double z) => Erfc(Math.Abs(z) / Math.Sqrt(2));

    /// <summary>
    /// Complementary error function by the Chebyshev-fitted exponential form of Press et al.
    /// (fractional error below 1.2e-7 everywhere), ample for p-values.
    /// </summary>
    public static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        var r = t * Math.Exp(poly);
        return x >= 0 ? r : 2 - r;
    }
}
