using Encore.Models.Factorization.Als;
using Encore.Models.Hierarchy;

namespace Encore.Evaluation.Protocols.SixCandidate;

/// <summary>
/// One candidate set scored from one training set: the S4 features of every pair (both fallback modes),
/// the heuristic strategy scores, the flat ALS score, and the classifier feature rows. The strategies use the
/// given Bayesian prior (validated or SPEC S4's) and adaptive the given <see cref="AdaptiveScale"/> and evidence confidence lambda
/// (<see cref="LevelScale.PriorConfidence"/>), with SPEC S4's strict adaptive (lambda 0) scored beside it as
/// <see cref="SixCandidateModels.AdaptiveStrict"/>; the classifier rows always use SPEC S4's fixed C and prior mean M, and
/// adaptive's raw, strict form.
/// </summary>
public sealed class ScoredCandidates
{
    /// <summary>Classifier columns beyond <see cref="PairFeatures.Names"/> (<see cref="CandidateFeatureRows.ExtraNames"/>).</summary>
    public static string[] ExtraNames => CandidateFeatureRows.ExtraNames;

    public static string[] FeatureNames => CandidateFeatureRows.Names;

    public required CandidateSet Set { get; init; }
    /// <summary>The Bayesian + siblings extractor with the strategies' prior.</summary>
    public required FeatureExtractor Extractor { get; init; }
    /// <summary>Features with the strategies' Bayesian fallback and siblings (what weighted+bayes+siblings, adaptive and the learned fallback see).</summary>
    public required PairFeatures[] Features { get; init; }
    /// <summary>Features with the Bayesian fallback at SPEC S4's fixed C and M, and siblings: the classifier input and the evidence diagnosis (the same array as <see cref="Features"/> when the priors agree).</summary>
    public required PairFeatures[] ClassifierFeatures { get; init; }
    /// <summary>SPEC S4's fixed-C priors of <see cref="ClassifierFeatures"/>.</summary>
    public required LevelPriors FeaturePriors { get; init; }
    /// <summary>Features with the plain user-else-M fallback (max-genre, weighted).</summary>
    public required PairFeatures[] PlainFeatures { get; init; }
    public required Dictionary<string, double[]> Scores { get; init; }
    /// <summary>How adaptive (in <see cref="Scores"/>) and the learned fallback's evidence branch put the rated levels on one scale and weigh the unrated ones.</summary>
    public required LevelScale Scale { get; init; }
    public required double[] AlsFlat { get; init; }
    public required CollaborativeScores Collaborative { get; init; }

    /// <summary>weighted+bayes+siblings over <see cref="ClassifierFeatures"/> (a classifier column).</summary>
    public required double[] ClassifierBayesSiblings { get; init; }
    /// <summary>adaptive in SPEC S4's raw form over <see cref="ClassifierFeatures"/> (a classifier column).</summary>
    public required double[] ClassifierAdaptive { get; init; }

    /// <summary>
    /// Scores <c>set</c> from <c>ratings</c>: features, strategies (learned fallback excluded) and flat ALS. <c>priors</c> is the
    /// strategies' Bayesian prior, <c>adaptiveScale</c> and <c>priorConfidence</c> adaptive's form (not <see cref="AdaptiveScale.Validated"/>)
    /// and lambda, <c>strictScale</c> the form of SPEC S4's strict adaptive (lambda 0);
    /// <see cref="SixCandidateOptions.PriorStrength"/> gives the classifier features'.
    /// </summary>
    public static ScoredCandidates Build(CandidateSet set, HierarchyCatalogue catalogue, HierarchyRatings ratings, PriorSettings priors,
        AdaptiveScale adaptiveScale, double priorConfidence, AdaptiveScale strictScale, SixCandidateOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(options);
        var spec = new LevelPriors(ratings, options.PriorStrength);
        var strategyPriors = priors == spec.Settings ? spec : new LevelPriors(ratings, priors);
        var bayes = new FeatureExtractor(catalogue, ratings, strategyPriors, FallbackMode.Bayesian, useSiblings: true);
        var plain = new FeatureExtractor(catalogue, ratings, spec, FallbackMode.GlobalMean, useSiblings: false);
        var features = Compute(bayes, set);
        var plainFeatures = Compute(plain, set);
        var classifierFeatures = ReferenceEquals(strategyPriors, spec) ? features
            : Compute(new FeatureExtractor(catalogue, ratings, spec, FallbackMode.Bayesian, useSiblings: true), set);
        var scale = LevelScale.From(strategyPriors, adaptiveScale, priorConfidence);
        var scores = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var s in new[] { HierarchyStrategy.MaxGenre, HierarchyStrategy.Weighted, HierarchyStrategy.WeightedBayesSiblings, HierarchyStrategy.Adaptive })
        {
            var source = s.Features().Mode == FallbackMode.Bayesian ? features : plainFeatures;
            scores[s.Name()] = [.. source.Select(f => StrategyScorer.Score(s, f, scale))];
        }
        scores[SixCandidateModels.AdaptiveStrict] = Adaptive(features, LevelScale.From(strategyPriors, strictScale));
        // The two halves of the +bayes+siblings step (diagnostics): mu_i without siblings; siblings without mu_i.
        var bayesOnly = new FeatureExtractor(catalogue, ratings, strategyPriors, FallbackMode.Bayesian, useSiblings: false);
        var siblingsOnly = new FeatureExtractor(catalogue, ratings, spec, FallbackMode.GlobalMean, useSiblings: true);
        scores[SixCandidateModels.WeightedBayes] = Weighted(bayesOnly, set);
        scores[SixCandidateModels.WeightedSiblings] = Weighted(siblingsOnly, set);
        ct.ThrowIfCancellationRequested();
        var als = CollaborativeScores.FitFlat(catalogue, ratings, AlsOptions(options), ct);
        var flat = new double[set.Count];
        for (var i = 0; i < flat.Length; i++) flat[i] = als.Score(set.Users[i], set.Tracks[i]);
        scores[SixCandidateModels.AlsFlat] = flat;
        return new ScoredCandidates
        {
            Set = set,
            Extractor = bayes,
            Features = features,
            ClassifierFeatures = classifierFeatures,
            FeaturePriors = spec,
            PlainFeatures = plainFeatures,
            Scores = scores,
            Scale = scale,
            AlsFlat = flat,
            Collaborative = als,
            ClassifierBayesSiblings = [.. classifierFeatures.Select(f => StrategyScorer.Score(HierarchyStrategy.WeightedBayesSiblings, f))],
            ClassifierAdaptive = [.. classifierFeatures.Select(f => StrategyScorer.Score(HierarchyStrategy.Adaptive, f))],
        };
    }

    /// <summary>
    /// This set with adaptive rescored in <paramref name="form"/> at lambda <paramref name="priorConfidence"/> and the strict adaptive
    /// (lambda 0) in <paramref name="strictForm"/> (every other score, feature and column unchanged).
    /// </summary>
    /// <exception cref="ArgumentException">A form is <see cref="AdaptiveScale.Validated"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priorConfidence"/> is outside [0, 1].</exception>
    public ScoredCandidates WithAdaptive(AdaptiveScale form, double priorConfidence, AdaptiveScale strictForm)
    {
        var scale = LevelScale.From(Extractor.Priors, form, priorConfidence);
        var scores = new Dictionary<string, double[]>(Scores, StringComparer.Ordinal)
        {
            [HierarchyStrategy.Adaptive.Name()] = Adaptive(Features, scale),
            [SixCandidateModels.AdaptiveStrict] = Adaptive(Features, LevelScale.From(Extractor.Priors, strictForm)),
        };
        return new ScoredCandidates
        {
            Set = Set,
            Extractor = Extractor,
            Features = Features,
            ClassifierFeatures = ClassifierFeatures,
            FeaturePriors = FeaturePriors,
            PlainFeatures = PlainFeatures,
            Scores = scores,
            Scale = scale,
            AlsFlat = AlsFlat,
            Collaborative = Collaborative,
            ClassifierBayesSiblings = ClassifierBayesSiblings,
            ClassifierAdaptive = ClassifierAdaptive,
        };
    }

    private static double[] Adaptive(PairFeatures[] features, LevelScale scale) =>
        [.. features.Select(f => StrategyScorer.Score(HierarchyStrategy.Adaptive, f, scale))];

    private static PairFeatures[] Compute(FeatureExtractor extractor, CandidateSet set)
    {
        var result = new PairFeatures[set.Count];
        for (var i = 0; i < result.Length; i++) result[i] = extractor.Compute(set.Users[i], set.Tracks[i]);
        return result;
    }

    private static double[] Weighted(FeatureExtractor extractor, CandidateSet set)
    {
        var result = new double[set.Count];
        for (var i = 0; i < result.Length; i++) result[i] = StrategyScorer.Score(HierarchyStrategy.Weighted, extractor.Compute(set.Users[i], set.Tracks[i]));
        return result;
    }

    // The fixed penalty, as the hierarchy model's own flat ALS: the six-candidate figures were measured with it.
    internal static AlsOptions AlsOptions(SixCandidateOptions o) =>
        new() { Factors = o.AlsFactors, Iterations = o.AlsIterations, Regularization = Models.Factorization.Als.AlsOptions.DefaultRegularization, Seed = o.Seed };

    /// <summary>Row-major classifier rows (count x <see cref="FeatureNames"/>.Length): SPEC S4's fixed-C features and strategy scores, whatever the strategies' prior.</summary>
    public float[] ClassifierRows() => CandidateFeatureRows.Build(ClassifierFeatures, Scores[HierarchyStrategy.MaxGenre.Name()], Scores[HierarchyStrategy.Weighted.Name()],
        ClassifierBayesSiblings, ClassifierAdaptive, AlsFlat, Set.Tracks, FeaturePriors, Set.BlockSize);
}
