using System.Globalization;
using Encore.Core.Sparse;
using Encore.Models.Contract;

namespace Encore.Models.Factorization.Als;

/// <summary>
/// ALS's penalty when the caller left it unset: lambda = min(<see cref="AlsOptions.Regularization"/>'s default 20, m), m the
/// confidence mass of a mean user row, alpha * sum_i r_ui over the users with a positive value (the data term that
/// lambda competes with in the user's normal equations (Y'C_uY + lambda I) x_u = Y'C_u p_u; Hu, Koren, Volinsky 2008).
/// On HetRec (m about 200 after log1p), IUM and the 3,000-user binary and ratings tables (m 26-200) the default stays
/// 20; on piki's 588 likes over 119 users (m about 5) a penalty four times the row's own evidence flattened every user
/// to noise, below the popularity list (bench/results/defaults-s15.md).
/// </summary>
public static class AlsRegularizationRule
{
    /// <summary>The penalty for <paramref name="signal"/> under <paramref name="options"/>, typed for the trainer with the choice to print, or null when the penalty stays as it is (given, or the data's rows carry at least that much confidence).</summary>
    /// <param name="signal">The users x items training values (after the confidence transform), as the trainer reads them.</param>
    /// <param name="options">The trainer's options.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static AlsRegularizationChoice? Choose(CsrMatrix signal, AlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(options);
        if (options.RegularizationGiven) return null;
        var mass = MeanRowMass(signal, options.Alpha);
        if (!(mass < options.Regularization)) return null;
        // The penalty fitted is the printed one (4 significant digits): a rerun with it as --set reproduces the model.
        var penalty = RoundToSignificant(mass, 4);
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"a mean user row carries confidence mass alpha * sum of values = {penalty:G4}, below the fixed default {options.Regularization:G4}, so the penalty is capped at it");
        return new AlsRegularizationChoice(penalty, new DataChoice("regularization", penalty.ToString("G4", CultureInfo.InvariantCulture), reason));
    }

    /// <summary><paramref name="x"/> (&gt;= 0) rounded to <paramref name="digits"/> significant digits (half away from zero), the double nearest that decimal.</summary>
    internal static double RoundToSignificant(double x, int digits)
    {
        if (!(x > 0) || !double.IsFinite(x)) return x;
        var decimals = digits - 1 - (int)Math.Floor(Math.Log10(x));
        if (decimals > 15) return x; // below 1e-12: nothing the penalty can tell apart
        if (decimals < -15) return x; // above 1e19: no penalty is that large
        // An integer divided by an exact power of ten is the double nearest the decimal, as parsing the printed text gives.
        return decimals >= 0
            ? Math.Round(x * PowersOfTen[decimals], MidpointRounding.AwayFromZero) / PowersOfTen[decimals]
            : Math.Round(x / PowersOfTen[-decimals], MidpointRounding.AwayFromZero) * PowersOfTen[-decimals];
    }

    // Exact doubles (10^0 .. 10^15 are all representable).
    private static readonly double[] PowersOfTen = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>alpha * (sum of the positive values) / (users with a positive value); 0 when there is none.</summary>
    internal static double MeanRowMass(CsrMatrix signal, double alpha)
    {
        double sum = 0;
        var users = 0;
        for (var u = 0; u < signal.Rows; u++)
        {
            var row = 0.0;
            foreach (var v in signal.RowValues(u)) if (v > 0) row += v;
            if (row > 0) { sum += row; users++; }
        }
        return users == 0 ? 0 : alpha * sum / users;
    }
}
