namespace Encore.Evaluation.Statistics;

/// <summary>
/// Two-sided Wilcoxon signed-rank test on paired differences, normal approximation: zero differences are
/// dropped (Wilcoxon's convention), |d| ties share average ranks and reduce the variance by
/// sum(t^3 - t) / 48, and a 0.5 continuity correction is applied. p = 1 when no difference is non-zero.
/// </summary>
public static class WilcoxonSignedRank
{
    public static (double WPlus, double Z, double PValue) Test(ReadOnlySpan<double> differences)
    {
        var magnitudes = new List<double>(differences.Length);
        var positive = new List<bool>(differences.Length);
        foreach (var d in differences)
        {
            if (d == 0 || double.IsNaN(d)) continue;
            magnitudes.Add(Math.Abs(d));
            positive.Add(d > 0);
        }
        var n = (double)magnitudes.Count;
        if (n == 0) return (0, 0, 1);
        var ranks = new double[magnitudes.Count];
        var tieTerm = AverageRanks.Compute(magnitudes.ToArray(), ranks);
        double wPlus = 0;
        for (var i = 0; i < ranks.Length; i++)
            if (positive[i]) wPlus += ranks[i];
        var mean = n * (n + 1) / 4;
        var variance = n * (n + 1) * (2 * n + 1) / 24 - tieTerm / 48;
        if (variance <= 0) return (wPlus, 0, 1);
        var distance = Math.Max(0, Math.Abs(wPlus - mean) - 0.5);
        var z = Math.Sign(wPlus - mean) * distance / Math.Sqrt(variance);
        return (wPlus, z, Math.Min(1, NormalDistribution.TwoSidedP(z)));
    }
}
