using System.Globalization;
using Encore.Core.Sparse;
using Encore.Models.Contract;

namespace Encore.Models.Factorization.Wmf;

/// <summary>
/// WMF's penalty when the caller left it unset: lambda = the mean confidence weight alpha ln(1 + s / eps) of a positive
/// training pair (the c - 1 that each observed pair adds to its user's and its track's normal equations; Hu, Koren,
/// Volinsky 2008), so the penalty is worth one typical observation. SPEC S1's confidence gives every played pair c of about
/// 740 (alpha 40, eps 1e-8: 40 ln(1e8) = 737 for a single play), so the fixed 0.01 is 1/74,000 of one play: the factors fit
/// every played pair to 1 and rank the rest by noise. As it came, WMF scored below the popularity list on IUM 2023 (0.1543
/// against 0.1721), a binary table (0.0572 against 0.0747) and a star-ratings table; with lambda at the mean weight it
/// scores above popularity there and on HetRec, piki and a Zipf group table (bench/results/defaults-s16.md). The S1
/// group protocol keeps the author's 0.01 (Encore.Evaluation's GroupProtocol.AuthorSettings): under its rule, where
/// repeats count, the tiny penalty scored higher.
/// </summary>
public static class WmfRegularizationRule
{
    /// <summary>The penalty for <paramref name="scores"/> under <paramref name="options"/>, with the choice to print, or null when it was given or no pair reaches the preference threshold.</summary>
    /// <param name="scores">The raw users x items training scores, as the trainer reads them.</param>
    /// <param name="options">The trainer's options.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static DataChoice? Choose(CsrMatrix scores, WmfOptions options)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(options);
        if (options.RegularizationGiven) return null;
        var weight = MeanConfidenceWeight(scores, options);
        if (!(weight > 0)) return null;
        return new DataChoice("regularization", weight.ToString("G4", CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture,
            $"the mean confidence weight alpha ln(1 + s / eps) of a positive pair is {weight:G4}; the penalty is set to it (the fixed {options.Regularization:G} would be {weight / options.Regularization:G2} times smaller)"));
    }

    /// <summary>alpha * mean of ln(1 + s / eps) over the pairs with s &gt;= the preference threshold; 0 when there is none.</summary>
    internal static double MeanConfidenceWeight(CsrMatrix scores, WmfOptions options)
    {
        double sum = 0;
        long pairs = 0;
        foreach (var s in scores.Values)
        {
            if (!(s >= options.PreferenceThreshold)) continue;
            sum += Math.Log(1.0 + s / options.Epsilon);
            pairs++;
        }
        return pairs == 0 ? 0 : options.Alpha * sum / pairs;
    }
}
