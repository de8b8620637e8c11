using Encore.Core.Sparse;

namespace Encore.Models.Factorization.Als;

/// <summary>
/// Frequency-scaled L2 regularisation for ALS (Rendle, Krichene, Zhang &amp; Koren 2021, "Revisiting the Performance
/// of iALS on Item Recommendation Benchmarks", section 3.2): each row's penalty grows with its number of observed
/// entries, lambda_r = lambda * s_r with s_r = ((n_r + 1) / (mean n + 1))^nu, nu in [0, 1]. nu = 0 is plain ALS
/// (s = 1). The paper scales by (n_r + alpha0 |I|)^nu; here every unobserved pair already weighs 1 in Y^T Y, so that
/// form would be almost constant over rows, and the observed count is used instead, divided by the mean row's so that
/// lambda keeps its scale (a row of average length gets lambda itself, which is also what a fold-in user gets).
/// </summary>
internal static class FrequencyScaledRegularization
{
    /// <summary>s_r for every row of <paramref name="matrix"/> (rows x columns, n_r = stored entries of row r); null when <paramref name="nu"/> is 0.</summary>
    public static float[]? RowScales(CsrMatrix matrix, double nu)
    {
        if (nu == 0 || matrix.Rows == 0) return null;
        var mean = (double)matrix.NonZeros / matrix.Rows;
        var scales = new float[matrix.Rows];
        for (var r = 0; r < scales.Length; r++) scales[r] = (float)Math.Pow((matrix.RowLength(r) + 1) / (mean + 1), nu);
        return scales;
    }
}
