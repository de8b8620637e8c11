using Encore.Core.Sparse;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Factorization.Als;

/// <summary>
/// Frequency-scaled L2 regularisation for ALS (Rendle, Krichene, Zhang &amp; Koren 2021, "Revisiting the Performance
/// of iALS on Item Recommendation Benchmarks", section 3.2): each row's penalty grows with its size, lambda_r =
/// lambda * s_r with s_r = (m_r / mean m)^nu, nu in [0, 1]; nu = 0 is plain ALS (s = 1). The size m_r is
/// <see cref="FrequencyBasis.Observed"/> (default): n_r + 1, the row's observed entries; or
/// <see cref="FrequencyBasis.Mass"/>: the row's confidence mass, columns + sum (c - 1), the paper's (n_r + alpha0 |I|)
/// in Encore's weights. Dividing by the mean row's size keeps lambda's scale: a row of average size gets lambda itself,
/// which is also what a fold-in user gets.
/// </summary>
internal static class FrequencyScaledRegularization
{
    /// <summary>
    /// s_r for every row of <paramref name="matrix"/> (rows x columns, n_r = stored entries of row r, values v the
    /// confidence inputs, c = 1 + <paramref name="alpha"/> v); null when <paramref name="nu"/> is 0.
    /// </summary>
    public static float[]? RowScales(CsrMatrix matrix, double nu, FrequencyBasis basis = FrequencyBasis.Observed, float alpha = 0)
    {
        if (nu == 0 || matrix.Rows == 0) return null;
        var scales = new float[matrix.Rows];
        if (basis == FrequencyBasis.Observed)
        {
            var meanEntries = (double)matrix.NonZeros / matrix.Rows;
            for (var r = 0; r < scales.Length; r++) scales[r] = (float)Math.Pow((matrix.RowLength(r) + 1) / (meanEntries + 1), nu);
            return scales;
        }
        var masses = new double[matrix.Rows];
        double total = 0;
        for (var r = 0; r < masses.Length; r++)
        {
            masses[r] = Mass(matrix, r, alpha);
            total += masses[r];
        }
        var mean = total / masses.Length;
        for (var r = 0; r < scales.Length; r++) scales[r] = (float)Math.Pow(masses[r] / mean, nu);
        return scales;
    }

    /// <summary>Row r's confidence mass: (columns - n_r) unobserved entries at 1 plus its observed confidences.</summary>
    private static double Mass(CsrMatrix matrix, int r, float alpha)
    {
        double mass = matrix.Columns - matrix.RowLength(r);
        foreach (var v in matrix.RowValues(r)) mass += WeightedRidge.Confidence(v, alpha);
        return mass;
    }
}
