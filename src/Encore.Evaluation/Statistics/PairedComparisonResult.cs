namespace Encore.Evaluation.Statistics;

/// <summary>
/// Outcome of <see cref="PairedComparison"/>. Differences are b - a, so a positive
/// <see cref="MeanDifference"/> means model b scores higher.
/// </summary>
public sealed record PairedComparisonResult(
    int Pairs,
    double MeanA,
    double MeanB,
    double MeanDifference,
    double CiLow,
    double CiHigh,
    double Confidence,
    double PermutationPValue,
    double WilcoxonPValue,
    double CohensD,
    double Alpha)
{
    /// <summary>Significant when the sign-flip permutation p-value is below <see cref="Alpha"/>.</summary>
    public bool IsSignificant => PermutationPValue < Alpha;

    /// <summary>A sentence to print next to the numbers when the difference is not significant; null otherwise.</summary>
    public string? Warning => IsSignificant
        ? null
        : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"The difference {MeanDifference:0.#####} ({Confidence * 100:0}% CI {CiLow:0.#####} to {CiHigh:0.#####}, permutation p = {PermutationPValue:0.####}) is not significant at alpha {Alpha}: it may be noise over these {Pairs} users.");
}
