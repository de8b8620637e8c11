namespace Encore.Models.Hierarchy;

/// <summary>
/// Chooses adaptive's <see cref="AdaptiveScale"/> on labelled validation lists, never on test: the six-candidate accuracy of
/// adaptive is computed per list under each form of <see cref="AdaptiveScaleNames.Forms"/>; the best form replaces SPEC S4's
/// <see cref="AdaptiveScale.Raw"/> only when its mean per-list gain over raw exceeds one standard error of the paired
/// differences (the one-standard-error rule of <see cref="PriorSelection"/>: Breiman et al. 1984; Hastie, Tibshirani &amp;
/// Friedman, <i>ESL</i> 2nd ed., 7.10). The features are those of the validated Bayesian prior (<see cref="LevelPriors"/>),
/// whose training ratings also give the level statistics. Deterministic.
/// </summary>
public static class AdaptiveScaleSelection
{
    /// <summary>
    /// Chooses on consecutive lists of <paramref name="blockSize"/> candidates with features <paramref name="features"/>
    /// (Bayesian + siblings, from <paramref name="priors"/>' ratings) and labels <paramref name="labels"/>, <paramref name="liked"/> liked per list.
    /// Every form weighs the levels the user did not rate by <paramref name="priorConfidence"/> (lambda in [0, 1]; 0, the default, is SPEC S4's strict adaptive).
    /// </summary>
    /// <exception cref="ArgumentException">Features and labels of different lengths, no list, or a ragged last list.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priorConfidence"/> outside [0, 1].</exception>
    public static AdaptiveScaleChoice Choose(ReadOnlySpan<PairFeatures> features, ReadOnlySpan<bool> labels, int blockSize, int liked, LevelPriors priors, double priorConfidence = 0)
    {
        ArgumentNullException.ThrowIfNull(priors);
        var perForm = new List<double[]>(); // PerList checks the lengths and the list shape
        foreach (var form in AdaptiveScaleNames.Forms) perForm.Add(PerList(features, labels, blockSize, liked, LevelScale.From(priors, form, priorConfidence)));
        var means = perForm.Select(p => p.Average()).ToArray();
        var best = Array.IndexOf(means, means.Max());
        var pick = best > 0 && PriorSelection.Beats(perForm[best], perForm[0]) ? AdaptiveScaleNames.Forms[best] : AdaptiveScale.Raw;
        return new AdaptiveScaleChoice(pick, means, perForm[0].Length);
    }

    /// <summary>Six-candidate accuracy of adaptive under <paramref name="scale"/>, one value per list of <paramref name="blockSize"/>.</summary>
    /// <exception cref="ArgumentException">Features and labels of different lengths, no list, or a ragged last list.</exception>
    internal static double[] PerList(ReadOnlySpan<PairFeatures> features, ReadOnlySpan<bool> labels, int blockSize, int liked, LevelScale scale)
    {
        if (features.Length != labels.Length) throw new ArgumentException($"{features.Length} validation features but {labels.Length} labels.");
        if (blockSize <= 0 || features.IsEmpty || features.Length % blockSize != 0)
            throw new ArgumentException($"{features.Length} validation candidates is not a whole, non-zero number of lists of {blockSize}.");
        var scores = new double[features.Length];
        for (var i = 0; i < scores.Length; i++) scores[i] = StrategyScorer.Score(HierarchyStrategy.Adaptive, features[i], scale);
        var perList = new double[features.Length / blockSize];
        for (var b = 0; b < perList.Length; b++)
            perList[b] = ListAccuracy.Compute(scores.AsSpan(b * blockSize, blockSize), labels.Slice(b * blockSize, blockSize), blockSize, liked);
        return perList;
    }
}
