using Encore.Models.Factorization.Als;
using Encore.Models.Hierarchy;

namespace Encore.Evaluation.Protocols.SixCandidate;

/// <summary>
/// One candidate set scored from one training set: the S4 features of every pair (both fallback modes),
/// the heuristic strategy scores, the flat ALS score, and the classifier feature rows.
/// </summary>
public sealed class ScoredCandidates
{
    /// <summary>Classifier columns beyond <see cref="PairFeatures.Names"/> (<see cref="CandidateFeatureRows.ExtraNames"/>).</summary>
    public static string[] ExtraNames => CandidateFeatureRows.ExtraNames;

    public static string[] FeatureNames => CandidateFeatureRows.Names;

    public required CandidateSet Set { get; init; }
    public required FeatureExtractor Extractor { get; init; }
    /// <summary>Features with the Bayesian fallback and siblings (what adaptive, the learned fallback and the classifiers see).</summary>
    public required PairFeatures[] Features { get; init; }
    /// <summary>Features with the plain user-else-M fallback (max-genre, weighted).</summary>
    public required PairFeatures[] PlainFeatures { get; init; }
    public required Dictionary<string, double[]> Scores { get; init; }
    public required double[] AlsFlat { get; init; }
    public required CollaborativeScores Collaborative { get; init; }

    /// <summary>Scores <paramref name="set"/> from <paramref name="ratings"/>: features, strategies (learned fallback excluded) and flat ALS.</summary>
    public static ScoredCandidates Build(CandidateSet set, HierarchyCatalogue catalogue, HierarchyRatings ratings,
        SixCandidateOptions options, CancellationToken ct)
    {
        var priors = new LevelPriors(ratings, options.PriorStrength);
        var bayes = new FeatureExtractor(catalogue, ratings, priors, FallbackMode.Bayesian, useSiblings: true);
        var plain = new FeatureExtractor(catalogue, ratings, priors, FallbackMode.GlobalMean, useSiblings: false);
        var n = set.Count;
        var features = new PairFeatures[n];
        var plainFeatures = new PairFeatures[n];
        for (var i = 0; i < n; i++)
        {
            features[i] = bayes.Compute(set.Users[i], set.Tracks[i]);
            plainFeatures[i] = plain.Compute(set.Users[i], set.Tracks[i]);
        }
        var scores = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var s in new[] { HierarchyStrategy.MaxGenre, HierarchyStrategy.Weighted, HierarchyStrategy.WeightedBayesSiblings, HierarchyStrategy.Adaptive })
        {
            var source = s.Features().Mode == FallbackMode.Bayesian ? features : plainFeatures;
            scores[s.Name()] = [.. source.Select(f => StrategyScorer.Score(s, f))];
        }
        // The two halves of the +bayes+siblings step (diagnostics): mu_i without siblings; siblings without mu_i.
        var bayesOnly = new FeatureExtractor(catalogue, ratings, priors, FallbackMode.Bayesian, useSiblings: false);
        var siblingsOnly = new FeatureExtractor(catalogue, ratings, priors, FallbackMode.GlobalMean, useSiblings: true);
        scores[SixCandidateModels.WeightedBayes] = Weighted(bayesOnly, set);
        scores[SixCandidateModels.WeightedSiblings] = Weighted(siblingsOnly, set);
        ct.ThrowIfCancellationRequested();
        var als = CollaborativeScores.FitFlat(catalogue, ratings, AlsOptions(options), ct);
        var flat = new double[n];
        for (var i = 0; i < n; i++) flat[i] = als.Score(set.Users[i], set.Tracks[i]);
        scores[SixCandidateModels.AlsFlat] = flat;
        return new ScoredCandidates
        {
            Set = set,
            Extractor = bayes,
            Features = features,
            PlainFeatures = plainFeatures,
            Scores = scores,
            AlsFlat = flat,
            Collaborative = als,
        };
    }

    private static double[] Weighted(FeatureExtractor extractor, CandidateSet set)
    {
        var result = new double[set.Count];
        for (var i = 0; i < result.Length; i++) result[i] = StrategyScorer.Score(HierarchyStrategy.Weighted, extractor.Compute(set.Users[i], set.Tracks[i]));
        return result;
    }

    internal static AlsOptions AlsOptions(SixCandidateOptions o) => new() { Factors = o.AlsFactors, Iterations = o.AlsIterations, Seed = o.Seed };

    /// <summary>Row-major classifier rows (count x <see cref="FeatureNames"/>.Length) for the given candidates.</summary>
    public float[] ClassifierRows() => CandidateFeatureRows.Build(Features, Scores[HierarchyStrategy.MaxGenre.Name()], Scores[HierarchyStrategy.Weighted.Name()],
        Scores[HierarchyStrategy.WeightedBayesSiblings.Name()], Scores[HierarchyStrategy.Adaptive.Name()], AlsFlat, Set.Tracks, Extractor.Priors, Set.BlockSize);
}
