namespace Encore.Models.Hierarchy;

/// <summary>
/// Chooses adaptive's evidence confidence lambda (<see cref="LevelScale.PriorConfidence"/>) jointly with its
/// <see cref="AdaptiveScale"/> form on labelled validation lists, never on test. The six-candidate accuracy of adaptive is computed
/// per list for every (form, lambda) of the given forms and <see cref="PriorConfidenceNames.Grid"/>; the best pair with lambda &gt; 0
/// replaces SPEC S4's strict adaptive (lambda 0 in the form <see cref="AdaptiveScaleSelection"/> chose for it) only when its mean
/// per-list gain over the strict one exceeds one standard error of the paired differences (the one-standard-error rule of
/// <see cref="PriorSelection"/>: Breiman et al. 1984; Hastie, Tibshirani &amp; Friedman, <i>ESL</i> 2nd ed., 7.10). Ties in the mean
/// go to the smaller lambda, then to the earlier form. Deterministic.
/// </summary>
public static class PriorConfidenceSelection
{
    /// <summary>
    /// Chooses on consecutive lists of <paramref name="blockSize"/> candidates with features <paramref name="features"/>
    /// (Bayesian + siblings, from <paramref name="priors"/>' ratings) and labels <paramref name="labels"/>, <paramref name="liked"/>
    /// liked per list, among <paramref name="forms"/>; <paramref name="strict"/> is the lambda-0 form (it must be among <paramref name="forms"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Features and labels of different lengths, no list, a ragged last list, no form,
    /// or <paramref name="strict"/>'s form not among <paramref name="forms"/>.</exception>
    public static PriorConfidenceChoice Choose(ReadOnlySpan<PairFeatures> features, ReadOnlySpan<bool> labels, int blockSize, int liked, LevelPriors priors,
        IReadOnlyList<AdaptiveScale> forms, AdaptiveScaleChoice strict)
    {
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(strict);
        if (forms.Count == 0) throw new ArgumentException("no adaptive scale form to choose lambda for.");
        if (!forms.Contains(strict.Form)) throw new ArgumentException($"the strict adaptive's form {strict.Form.Name()} is not among the forms tried.");
        var grid = PriorConfidenceNames.Grid;
        var perList = new double[forms.Count * grid.Count][];
        for (var f = 0; f < forms.Count; f++)
            for (var g = 0; g < grid.Count; g++)
                perList[f * grid.Count + g] = AdaptiveScaleSelection.PerList(features, labels, blockSize, liked, LevelScale.From(priors, forms[f], grid[g]));
        var means = perList.Select(p => p.Average()).ToArray();
        var baseline = perList[forms.ToList().IndexOf(strict.Form) * grid.Count];
        var best = -1;
        for (var g = 1; g < grid.Count; g++)
            for (var f = 0; f < forms.Count; f++)
                if (best < 0 || means[f * grid.Count + g] > means[best]) best = f * grid.Count + g;
        var (form, lambda) = best >= 0 && PriorSelection.Beats(perList[best], baseline)
            ? (forms[best / grid.Count], grid[best % grid.Count])
            : (strict.Form, 0.0);
        return new PriorConfidenceChoice(form, lambda, [.. forms], means, baseline.Length, baseline.Average());
    }
}
