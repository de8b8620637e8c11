using System.Globalization;

namespace Encore.Models.Hierarchy;

/// <summary>
/// The setting of adaptive's evidence confidence lambda (<see cref="LevelScale.PriorConfidence"/>): "validated" (chosen on the
/// validation lists by <see cref="PriorConfidenceSelection"/>) or a number in [0, 1] (0 = SPEC S4's strict adaptive).
/// </summary>
public static class PriorConfidenceNames
{
    /// <summary>The request to choose lambda on validation lists.</summary>
    public const string Validated = "validated";

    /// <summary>
    /// The lambdas <see cref="PriorConfidenceSelection"/> tries: 0 (SPEC S4's strict adaptive, the baseline) and six values up to
    /// 0.75. 1 is left out on purpose: in the raw form it is weighted+bayes+siblings itself, so adaptive would stop adapting.
    /// </summary>
    public static readonly IReadOnlyList<double> Grid = [0, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75];

    /// <summary>Parses "validated" (null) or a number in [0, 1] (invariant culture).</summary>
    /// <exception cref="ArgumentException">Neither "validated" nor a number in [0, 1].</exception>
    public static double? Parse(string value)
    {
        var text = value?.Trim() ?? "";
        if (text.Equals(Validated, StringComparison.OrdinalIgnoreCase)) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 && v <= 1) return v;
        throw new ArgumentException($"prior confidence '{value}' is invalid: expected validated or a number in [0, 1] (0 = SPEC S4's strict adaptive, 1 = weighted+bayes+siblings in the raw form).");
    }

    /// <summary>Formats a lambda as the setting is written ("0.2"), or "validated" for null.</summary>
    public static string Format(double? lambda) => lambda is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : Validated;

    /// <summary>Throws unless <paramref name="lambda"/> lies in [0, 1].</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1] or NaN.</exception>
    public static void Check(double lambda)
    {
        if (!(lambda >= 0 && lambda <= 1)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "the prior confidence lambda must lie in [0, 1].");
    }
}
