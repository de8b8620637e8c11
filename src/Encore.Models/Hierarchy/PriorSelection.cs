namespace Encore.Models.Hierarchy;

/// <summary>
/// Empirical-Bayes choice of the Bayesian fallback's prior (SPEC S4 step 2) on labelled validation lists, never on
/// test: for each prior mean (M as in SPEC S4, and M_level as a documented departure), coordinate ascent over the
/// levels (album, artist, genre, track; two passes) picks each level's C from <see cref="Grid"/> (which includes
/// "no smoothing", C = infinity) for the highest six-candidate accuracy of <c>weighted+bayes+siblings</c>, starting
/// from no smoothing anywhere. Choices are made by the one-standard-error rule (Breiman, Friedman, Olshen &amp; Stone 1984,
/// <i>Classification and Regression Trees</i>; Hastie, Tibshirani &amp; Friedman, <i>ESL</i> 2nd ed., section 7.10): a finite C
/// replaces C = infinity only when its mean gain over the lists exceeds one standard error of the paired per-list
/// differences, and M_level replaces M only under the same condition. So smoothing that carries no label signal is
/// switched off instead of being kept for a gain within noise. Deterministic (no randomness).
/// </summary>
public static class PriorSelection
{
    /// <summary>The C values tried at every level: 0 (raw entity mean) up to 1000, then +infinity (no smoothing).</summary>
    public static readonly IReadOnlyList<double> Grid = [0, 1, 3, 10, 30, 100, 300, 1000, double.PositiveInfinity];

    private static readonly HierarchyLevel[] Order = [HierarchyLevel.Album, HierarchyLevel.Artist, HierarchyLevel.Genre, HierarchyLevel.Track];

    /// <summary>
    /// Chooses the prior on consecutive lists of <c>blockSize</c> candidates (users[i], tracks[i], labels[i]), <c>liked</c> of
    /// each liked, scored from <c>ratings</c> (the inner training ratings). <c>specStrength</c> is SPEC S4's fixed C, evaluated
    /// for the record (<see cref="PriorChoice.SpecAccuracy"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Columns of different lengths, no list, or a ragged last list.</exception>
    public static PriorChoice Choose(HierarchyCatalogue catalogue, HierarchyRatings ratings, ReadOnlySpan<int> users, ReadOnlySpan<int> tracks,
        ReadOnlySpan<bool> labels, int blockSize, int liked, double specStrength, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(ratings);
        if (users.Length != tracks.Length || users.Length != labels.Length) throw new ArgumentException("validation users, tracks and labels need the same length.");
        if (blockSize <= 0 || users.IsEmpty || users.Length % blockSize != 0) throw new ArgumentException($"{users.Length} validation candidates is not a whole, non-zero number of lists of {blockSize}.");
        var lists = new Lists(catalogue, ratings, users.ToArray(), tracks.ToArray(), labels.ToArray(), blockSize, liked);
        var curves = new List<PriorCurve>();
        var finals = new Dictionary<PriorMean, PriorSettings>();
        foreach (var mean in new[] { PriorMean.Global, PriorMean.Level })
        {
            var current = PriorSettings.Off(mean);
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var level in Order)
                {
                    ct.ThrowIfCancellationRequested();
                    var points = Grid.Select(c => (Strength: c, PerList: lists.Evaluate(current.With(level, c)))).ToList();
                    var off = points[^1].PerList;
                    var best = points.MaxBy(p => Mean(p.PerList));
                    var pick = Beats(best.PerList, off) ? best.Strength : double.PositiveInfinity;
                    current = current.With(level, pick);
                    if (pass == 1) curves.Add(new PriorCurve(mean, level, [.. points.Select(p => (p.Strength, Mean(p.PerList)))], pick));
                }
            }
            finals[mean] = current;
        }
        var global = lists.Evaluate(finals[PriorMean.Global]);
        var perLevel = lists.Evaluate(finals[PriorMean.Level]);
        var chosen = Beats(perLevel, global) ? finals[PriorMean.Level] : finals[PriorMean.Global];
        return new PriorChoice(chosen, Mean(lists.Evaluate(chosen)), Mean(lists.Evaluate(PriorSettings.Spec(specStrength))),
            Mean(lists.Evaluate(PriorSettings.Off())), lists.Count, curves);
    }

    /// <summary>True when <paramref name="candidate"/>'s mean per-list gain over <paramref name="baseline"/> exceeds one standard error.</summary>
    internal static bool Beats(double[] candidate, double[] baseline)
    {
        var n = candidate.Length;
        double sum = 0;
        for (var i = 0; i < n; i++) sum += candidate[i] - baseline[i];
        var mean = sum / n;
        if (!(mean > 0)) return false;
        if (n < 2) return true;
        double sq = 0;
        for (var i = 0; i < n; i++) { var d = candidate[i] - baseline[i] - mean; sq += d * d; }
        return mean > Math.Sqrt(sq / (n - 1) / n);
    }

    private static double Mean(double[] values) => values.Length == 0 ? 0 : values.Average();

    /// <summary>The validation lists with a cache of the per-list accuracy of weighted+bayes+siblings per prior.</summary>
    private sealed class Lists(HierarchyCatalogue catalogue, HierarchyRatings ratings, int[] users, int[] tracks, bool[] labels, int blockSize, int liked)
    {
        private readonly Dictionary<PriorSettings, double[]> _cache = [];

        public int Count => users.Length / blockSize;

        public double[] Evaluate(PriorSettings settings)
        {
            if (_cache.TryGetValue(settings, out var known)) return known;
            var extractor = new FeatureExtractor(catalogue, ratings, new LevelPriors(ratings, settings), FallbackMode.Bayesian, useSiblings: true);
            var scores = new double[users.Length];
            for (var i = 0; i < scores.Length; i++)
                scores[i] = StrategyScorer.Score(HierarchyStrategy.WeightedBayesSiblings, extractor.Compute(users[i], tracks[i]));
            var perList = new double[Count];
            for (var b = 0; b < perList.Length; b++)
                perList[b] = ListAccuracy.Compute(scores.AsSpan(b * blockSize, blockSize), labels.AsSpan(b * blockSize, blockSize), blockSize, liked);
            return _cache[settings] = perList;
        }
    }
}
