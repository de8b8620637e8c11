namespace Encore.Evaluation.Statistics;

/// <summary>Effect sizes for paired samples.</summary>
public static class EffectSize
{
    /// <summary>
    /// Cohen's d for paired samples (d_z): mean of the differences over their sample standard deviation
    /// (n - 1). 0 when every difference is 0; +/-infinity when all differences are equal and non-zero;
    /// 0 for fewer than two pairs.
    /// </summary>
    public static double PairedCohensD(ReadOnlySpan<double> differences)
    {
        if (differences.Length < 2) return 0;
        double sum = 0;
        foreach (var d in differences) sum += d;
        var mean = sum / differences.Length;
        double squares = 0;
        foreach (var d in differences) squares += (d - mean) * (d - mean);
        var sd = Math.Sqrt(squares / (differences.Length - 1));
        if (sd == 0) return mean == 0 ? 0 : mean > 0 ? double.PositiveInfinity : double.NegativeInfinity;
        return mean / sd;
    }
}
