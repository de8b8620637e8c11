namespace Encore.Models.Hierarchy;

/// <summary>
/// Scores candidate lists with one <see cref="HierarchyPredictor"/> from fitted parts: the features of SPEC S4
/// (<see cref="FeatureExtractor"/> in both fallback modes), the flat ALS model, the learned-fallback line, the ML.NET
/// classifiers and the stacked ensemble. A list is scored as one block: the per-list z-scores among the classifier
/// features and the ensemble's member normalisation are taken over the given items, as in the six-candidate
/// protocol. Immutable and thread-safe.
/// </summary>
public sealed class HierarchyScorer
{
    /// <summary>Ensemble members besides the classifiers, in order.</summary>
    public static readonly string[] BaseMembers = [HierarchyStrategy.Adaptive.Name(), HierarchyStrategy.LearnedFallback.Name(), "als-flat"];

    /// <summary>
    /// Assembles a scorer. <c>priors</c> is the Bayesian fallback of the strategies (weighted+bayes+siblings, adaptive): C per
    /// level and prior mean, chosen on validation or SPEC S4's. <c>adaptiveScale</c> is the form adaptive and the learned fallback's
    /// evidence branch put the rated levels on one scale with (<see cref="LevelScale"/>, from <c>priors</c>' statistics), and <c>priorConfidence</c>
    /// (lambda in [0, 1]; 0 = SPEC S4's strict adaptive) the weight factor of the levels the user did not rate. <c>featureStrength</c> is SPEC S4's fixed C (prior mean M) of the
    /// classifier input features, which the classifiers were trained on.
    /// </summary>
    /// <exception cref="ArgumentException">The predictor needs a part that is null (ALS, fallback line, its classifier, or the ensemble with its members),
    /// or <c>adaptiveScale</c> is not a form.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><c>priorConfidence</c> is outside [0, 1].</exception>
    public HierarchyScorer(HierarchyPredictor predictor, HierarchyCatalogue catalogue, HierarchyRatings ratings, PriorSettings priors, AdaptiveScale adaptiveScale, double priorConfidence, double featureStrength,
        CollaborativeScores? als, FallbackLine? fallback, IReadOnlyList<CandidateClassifier> classifiers, StackedEnsemble? ensemble)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(classifiers);
        if (predictor == HierarchyPredictor.Auto) throw new ArgumentException("resolve 'auto' to a predictor before scoring.");
        Predictor = predictor;
        Catalogue = catalogue;
        Ratings = ratings;
        FeaturePriors = new LevelPriors(ratings, featureStrength);
        Priors = priors == FeaturePriors.Settings ? FeaturePriors : new LevelPriors(ratings, priors);
        Scale = LevelScale.From(Priors, adaptiveScale, priorConfidence);
        Bayes = new FeatureExtractor(catalogue, ratings, Priors, FallbackMode.Bayesian, useSiblings: true);
        ClassifierInput = ReferenceEquals(Priors, FeaturePriors) ? Bayes : new FeatureExtractor(catalogue, ratings, FeaturePriors, FallbackMode.Bayesian, useSiblings: true);
        Plain = new FeatureExtractor(catalogue, ratings, FeaturePriors, FallbackMode.GlobalMean, useSiblings: false);
        Als = als;
        Fallback = fallback;
        Classifiers = classifiers;
        Ensemble = ensemble;
        if (predictor.NeedsValidation() && (als is null || fallback is null))
            throw new ArgumentException($"the {predictor.Name()} predictor needs the flat ALS model and the learned-fallback line.");
        if (predictor.Classifier() is { } kind && !classifiers.Any(c => c.Kind == kind))
            throw new ArgumentException($"the {predictor.Name()} predictor has no fitted classifier.");
        if (predictor == HierarchyPredictor.Ensemble)
        {
            if (ensemble is null) throw new ArgumentException("the ensemble predictor has no learned weights.");
            foreach (var m in ensemble.Members)
                if (!BaseMembers.Contains(m) && !classifiers.Any(c => c.Kind.Name() == m))
                    throw new ArgumentException($"the ensemble member '{m}' is not among the fitted parts.");
        }
        foreach (var c in classifiers)
            if (c.Width != CandidateFeatureRows.Width) throw new ArgumentException($"the {c.Kind.Name()} classifier takes {c.Width} features, expected {CandidateFeatureRows.Width}.");
    }

    public HierarchyPredictor Predictor { get; }
    public HierarchyCatalogue Catalogue { get; }
    public HierarchyRatings Ratings { get; }
    /// <summary>The strategies' Bayesian fallback (validated or SPEC S4's).</summary>
    public LevelPriors Priors { get; }
    /// <summary>How adaptive and the learned fallback's evidence branch put the rated levels on one scale (from <see cref="Priors"/>) and weigh the unrated ones.</summary>
    public LevelScale Scale { get; }
    /// <summary>SPEC S4's fixed-C priors of the classifier input features.</summary>
    public LevelPriors FeaturePriors { get; }
    /// <summary>Bayesian + siblings features with <see cref="Priors"/> (strategies, explanations).</summary>
    public FeatureExtractor Bayes { get; }
    /// <summary>Bayesian + siblings features with <see cref="FeaturePriors"/> (classifier rows); the same object as <see cref="Bayes"/> when the priors agree.</summary>
    public FeatureExtractor ClassifierInput { get; }
    public FeatureExtractor Plain { get; }
    public CollaborativeScores? Als { get; }
    public FallbackLine? Fallback { get; }
    public IReadOnlyList<CandidateClassifier> Classifiers { get; }
    public StackedEnsemble? Ensemble { get; }

    /// <summary>Scores consecutive lists of <paramref name="blockSize"/> candidates (users[i], tracks[i]) with the predictor.</summary>
    /// <exception cref="ArgumentException">Columns of different lengths or a ragged last list.</exception>
    public ListScores Score(ReadOnlySpan<int> users, ReadOnlySpan<int> tracks, int blockSize)
    {
        if (users.Length != tracks.Length) throw new ArgumentException($"{users.Length} users but {tracks.Length} tracks.");
        if (blockSize <= 0 || tracks.Length % blockSize != 0) throw new ArgumentException($"{tracks.Length} candidates is not a whole number of lists of {blockSize}.");
        var n = tracks.Length;
        var features = new PairFeatures[n];
        var plain = new PairFeatures[n];
        for (var i = 0; i < n; i++)
        {
            features[i] = Bayes.Compute(users[i], tracks[i]);
            plain[i] = Plain.Compute(users[i], tracks[i]);
        }
        var strategies = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var s in new[] { HierarchyStrategy.MaxGenre, HierarchyStrategy.Weighted, HierarchyStrategy.WeightedBayesSiblings, HierarchyStrategy.Adaptive })
        {
            var source = s.Features().Mode == FallbackMode.Bayesian ? features : plain;
            strategies[s.Name()] = [.. source.Select(f => StrategyScorer.Score(s, f, Scale))];
        }
        var classifierScores = new Dictionary<string, double[]>(StringComparer.Ordinal);
        double[]? als = null;
        float[]? rows = null;
        if (Predictor.NeedsValidation())
        {
            als = new double[n];
            for (var i = 0; i < n; i++) als[i] = Als!.Score(users[i], tracks[i]);
            var line = Fallback!;
            strategies[HierarchyStrategy.LearnedFallback.Name()] = [.. Enumerable.Range(0, n).Select(i => line.Score(features[i], als[i], Scale))];
            var wanted = Predictor == HierarchyPredictor.Ensemble ? Classifiers : Classifiers.Where(c => c.Kind == Predictor.Classifier()).ToList();
            if (wanted.Count > 0)
            {
                rows = ClassifierRows(features, strategies, als, users, tracks, blockSize);
                foreach (var c in wanted) classifierScores[c.Kind.Name()] = [.. c.Score(rows).Select(v => (double)v)];
            }
        }
        double[] final;
        if (Predictor.Strategy() is { } strategy) final = strategies[strategy.Name()];
        else if (Predictor.Classifier() is { } kind) final = classifierScores[kind.Name()];
        else
        {
            var members = Ensemble!.Members.Select(m => m == "als-flat" ? als! : strategies.TryGetValue(m, out var s) ? s : classifierScores[m]).ToList();
            final = Ensemble.Score(members, blockSize);
        }
        return new ListScores
        {
            Items = tracks.ToArray(),
            Features = features,
            PlainFeatures = plain,
            Strategies = strategies,
            Als = als,
            Rows = rows,
            Classifiers = classifierScores,
            Final = final,
        };
    }

    /// <summary>
    /// The classifier rows (<see cref="CandidateFeatureRows"/>) of candidates scored by <see cref="Score"/>: features and
    /// strategy scores under <see cref="FeaturePriors"/> and adaptive in SPEC S4's raw form (what the classifiers are trained on),
    /// whatever prior and adaptive scale the strategies use.
    /// <paramref name="features"/> and <paramref name="strategies"/> are <see cref="ListScores.Features"/> and <see cref="ListScores.Strategies"/>.
    /// </summary>
    public float[] ClassifierRows(PairFeatures[] features, IReadOnlyDictionary<string, double[]> strategies, double[] als, ReadOnlySpan<int> users, ReadOnlySpan<int> tracks, int blockSize)
    {
        var wbs = strategies[HierarchyStrategy.WeightedBayesSiblings.Name()];
        var adaptive = strategies[HierarchyStrategy.Adaptive.Name()];
        var samePriors = ReferenceEquals(ClassifierInput, Bayes);
        if (!samePriors)
        {
            features = new PairFeatures[tracks.Length];
            for (var i = 0; i < features.Length; i++) features[i] = ClassifierInput.Compute(users[i], tracks[i]);
            wbs = [.. features.Select(f => StrategyScorer.Score(HierarchyStrategy.WeightedBayesSiblings, f))];
        }
        // The classifiers were trained on SPEC S4's raw, strict adaptive, whatever form and lambda the adaptive strategy uses.
        if (!samePriors || Scale.Form != AdaptiveScale.Raw || Scale.PriorConfidence != 0)
            adaptive = [.. features.Select(f => StrategyScorer.Score(HierarchyStrategy.Adaptive, f))];
        return CandidateFeatureRows.Build(features, strategies[HierarchyStrategy.MaxGenre.Name()], strategies[HierarchyStrategy.Weighted.Name()],
            wbs, adaptive, als, tracks, FeaturePriors, blockSize);
    }
}
