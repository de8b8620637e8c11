using Encore.Core.Errors;
using Encore.Core.Randomness;
using Encore.Models.Contract;
using Encore.Models.Factorization.Als;

namespace Encore.Models.Hierarchy;

/// <summary>
/// Fits the SPEC S4 hierarchy model. The strategies' Bayesian prior is chosen on the validation lists when they exist
/// (<see cref="PriorSelection"/>, <see cref="HierarchyOptions.PriorFit"/>). Heuristic predictors (max-genre, weighted, weighted+bayes+siblings, adaptive)
/// need only the ratings and the catalogue. Learned ones use the validation lists of <see cref="HierarchyInput"/>
/// (carved from training, never test): the flat ALS model and the features are computed from the inner training
/// ratings, the learned-fallback line is grid-searched on all lists, a single classifier trains on all lists, and
/// the ensemble trains its five ML.NET classifiers on <see cref="HierarchyOptions.ClassifierShare"/> of the lists and
/// its stacking weights (Wolpert 1992) on the rest, exactly as <c>evaluate --protocol six-candidate</c> does; the
/// served flat ALS model is then refitted on all training ratings. Without <see cref="TrainingData.Hierarchy"/> the
/// track matrix's positive values are the only (track-level) ratings and no level links exist. Deterministic for a seed
/// (the classifiers with <see cref="HierarchyOptions.ClassifierThreads"/> 1).
/// </summary>
public sealed class HierarchyTrainer(HierarchyOptions? options = null) : IRecommenderTrainer
{
    /// <summary>Fewer validation lists than this cannot train a learned predictor.</summary>
    public const int MinimumLists = 10;

    public HierarchyOptions Options { get; } = options ?? new HierarchyOptions();

    public string ModelName => HierarchyModel.Name;

    /// <exception cref="ArgumentException">A learned predictor was asked for but the data carries no validation lists.</exception>
    /// <exception cref="ModelFitException">Fewer than <see cref="MinimumLists"/> validation lists, or lists with one class only.</exception>
    public IRecommender Fit(TrainingData data, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var input = data.Hierarchy ?? FromMatrix(data);
        var validation = input.Validation;
        var predictor = Options.Predictor;
        if (predictor == HierarchyPredictor.Auto)
            predictor = validation is { Blocks: >= MinimumLists } ? HierarchyPredictor.Ensemble : HierarchyPredictor.Adaptive;
        var prior = ChoosePrior(input, cancellationToken);
        var (adaptive, confidence) = ChooseAdaptive(input, prior.Settings);
        if (!predictor.NeedsValidation())
        {
            progress?.Report(new EpochReport(1, 1, clock.Elapsed, double.NaN));
            return Model(data, new HierarchyScorer(predictor, input.Catalogue, input.Ratings, prior.Settings, confidence.Form, confidence.Confidence, Options.PriorStrength, null, null, [], null), 0, prior, adaptive, confidence);
        }
        if (validation is null)
            throw new ArgumentException($"the {predictor.Name()} predictor is learned on validation lists carved from rating data (encore train <dataset> --model hierarchy on a dataset with track ratings); this training data has none. Use predictor=adaptive (or another strategy) instead.");
        if (validation.Blocks < MinimumLists)
            throw new ModelFitException($"only {validation.Blocks} validation lists: the {predictor.Name()} predictor needs at least {MinimumLists}.");
        if (Array.TrueForAll(validation.Labels, l => l) || Array.TrueForAll(validation.Labels, l => !l))
            throw new ModelFitException("the validation lists hold one class only: a learned predictor needs liked and not-liked candidates.");

        var steps = predictor == HierarchyPredictor.Ensemble ? 4 + Enum.GetValues<ClassifierKind>().Length : predictor.Classifier() is null ? 3 : 4;
        var step = 0;
        void Report() => progress?.Report(new EpochReport(++step, steps, clock.Elapsed, double.NaN));
        // The flat ALS reads ratings / 100 over four levels: it keeps the fixed penalty it was validated with, not the cap
        // for thin rows of AlsRegularizationRule.
        var alsOptions = new AlsOptions { Factors = Options.AlsFactors, Iterations = Options.AlsIterations, Regularization = AlsOptions.DefaultRegularization, Seed = Options.Seed, Threads = Options.Threads };
        var inner = new HierarchyScorer(HierarchyPredictor.Adaptive, input.Catalogue, validation.InnerRatings, prior.Settings, confidence.Form, confidence.Confidence, Options.PriorStrength, null, null, [], null);
        var scored = inner.Score(validation.Users, validation.Tracks, validation.BlockSize);
        var innerAls = CollaborativeScores.FitFlat(input.Catalogue, validation.InnerRatings, alsOptions, cancellationToken);
        var als = new double[validation.Users.Length];
        for (var i = 0; i < als.Length; i++) als[i] = innerAls.Score(validation.Users[i], validation.Tracks[i]);
        Report();
        var line = FallbackLine.Fit(scored.Features, als, validation.Labels, validation.BlockSize, validation.Liked, inner.Priors.GlobalMean, inner.Scale);
        Report();

        var classifiers = new List<CandidateClassifier>();
        StackedEnsemble? ensemble = null;
        if (predictor != HierarchyPredictor.LearnedFallback)
        {
            var rows = inner.ClassifierRows(scored.Features, scored.Strategies, als, validation.Users, validation.Tracks, validation.BlockSize);
            var settings = Options.Classifiers;
            if (predictor.Classifier() is { } kind)
            {
                classifiers.Add(CandidateClassifier.Train(kind, CandidateFeatureRows.Names, rows, validation.Labels, settings, cancellationToken));
                Report();
            }
            else
            {
                var (fit, blend) = SplitBlocks(validation.Blocks, Options.ClassifierShare, Options.Seed);
                var width = CandidateFeatureRows.Width;
                var (fitRows, fitLabels) = Select(rows, validation.Labels, fit, validation.BlockSize, width);
                var (blendRows, blendLabels) = Select(rows, validation.Labels, blend, validation.BlockSize, width);
                var members = new List<string>(HierarchyScorer.BaseMembers);
                var memberScores = new List<double[]>
                {
                    Pick(scored.Strategies["adaptive"], blend, validation.BlockSize),
                    Pick([.. Enumerable.Range(0, als.Length).Select(i => line.Score(scored.Features[i], als[i], inner.Scale))], blend, validation.BlockSize),
                    Pick(als, blend, validation.BlockSize),
                };
                foreach (var member in Enum.GetValues<ClassifierKind>())
                {
                    var model = CandidateClassifier.Train(member, CandidateFeatureRows.Names, fitRows, fitLabels, settings, cancellationToken);
                    classifiers.Add(model);
                    members.Add(member.Name());
                    memberScores.Add([.. model.Score(blendRows).Select(s => (double)s)]);
                    Report();
                }
                ensemble = StackedEnsemble.Fit(members, memberScores, blendLabels, validation.BlockSize, Options.Seed);
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        var served = CollaborativeScores.FitFlat(input.Catalogue, input.Ratings, alsOptions, cancellationToken);
        Report();
        return Model(data, new HierarchyScorer(predictor, input.Catalogue, input.Ratings, prior.Settings, confidence.Form, confidence.Confidence, Options.PriorStrength, served, line, classifiers, ensemble),
            validation.Blocks, prior, adaptive, confidence);
    }

    /// <summary>The strategies' Bayesian prior: chosen on the validation lists (<see cref="PriorSelection"/>) when asked and possible, else SPEC S4's.</summary>
    private PriorChoice ChoosePrior(HierarchyInput input, CancellationToken ct)
    {
        var spec = PriorSettings.Spec(Options.PriorStrength);
        if (Options.PriorFit == PriorFit.Fixed || input.Validation is not { Blocks: >= MinimumLists } v) return PriorChoice.FixedAt(spec);
        return PriorSelection.Choose(input.Catalogue, v.InnerRatings, v.Users, v.Tracks, v.Labels, v.BlockSize, v.Liked, Options.PriorStrength, ct);
    }

    /// <summary>
    /// Adaptive's scale and evidence confidence. The strict (lambda 0) form is chosen on the validation lists
    /// (<see cref="AdaptiveScaleSelection"/>, features of the inner training ratings under the chosen prior) when asked and possible,
    /// else the given form (raw without validation lists). lambda is then chosen jointly with the form (<see cref="PriorConfidenceSelection"/>)
    /// when asked and possible (0 without validation lists), or fixed, the form then chosen at that lambda.
    /// </summary>
    private (AdaptiveScaleChoice Strict, PriorConfidenceChoice Served) ChooseAdaptive(HierarchyInput input, PriorSettings prior)
    {
        var fixedLambda = Options.FixedPriorConfidence;
        var fixedForm = Options.AdaptiveScale != AdaptiveScale.Validated;
        if (input.Validation is not { Blocks: >= MinimumLists } v || (fixedForm && fixedLambda is not null))
        {
            var strict = fixedForm ? AdaptiveScaleChoice.FixedAt(Options.AdaptiveScale) : AdaptiveScaleChoice.Spec;
            return (strict, PriorConfidenceChoice.FixedAt(strict.Form, fixedLambda ?? 0));
        }
        var priors = new LevelPriors(v.InnerRatings, prior);
        var extractor = new FeatureExtractor(input.Catalogue, v.InnerRatings, priors, FallbackMode.Bayesian, useSiblings: true);
        var features = new PairFeatures[v.Users.Length];
        for (var i = 0; i < features.Length; i++) features[i] = extractor.Compute(v.Users[i], v.Tracks[i]);
        var strictChoice = fixedForm ? AdaptiveScaleChoice.FixedAt(Options.AdaptiveScale) : AdaptiveScaleSelection.Choose(features, v.Labels, v.BlockSize, v.Liked, priors);
        if (fixedLambda is { } lambda)
            return (strictChoice, PriorConfidenceChoice.FixedAt(AdaptiveScaleSelection.Choose(features, v.Labels, v.BlockSize, v.Liked, priors, lambda).Form, lambda));
        IReadOnlyList<AdaptiveScale> forms = fixedForm ? [Options.AdaptiveScale] : AdaptiveScaleNames.Forms;
        return (strictChoice, PriorConfidenceSelection.Choose(features, v.Labels, v.BlockSize, v.Liked, priors, forms, strictChoice));
    }

    private HierarchyModel Model(TrainingData data, HierarchyScorer scorer, int lists, PriorChoice prior, AdaptiveScaleChoice adaptive, PriorConfidenceChoice confidence) =>
        new(data.Users, data.Items, data.Interactions, scorer, lists, prior, adaptive, confidence) { Threads = Options.Threads };

    /// <summary>No hierarchy attached: the positive values of the matrix are track ratings; no album, artist or genre links.</summary>
    private static HierarchyInput FromMatrix(TrainingData data)
    {
        var n = data.ItemCount;
        var none = new int[n];
        Array.Fill(none, -1);
        var catalogue = new HierarchyCatalogue(none, (int[])none.Clone(), new int[n + 1], [], 0, 0, 0);
        var signal = data.Signal;
        var users = new int[signal.NonZeros];
        for (var u = 0; u < signal.Rows; u++) users.AsSpan(signal.Offsets[u], signal.RowLength(u)).Fill(u);
        var levels = new HierarchyLevel[users.Length];
        var ratings = HierarchyRatings.Build(data.UserCount, catalogue, users, levels, signal.ColumnIndices, signal.Values);
        return new HierarchyInput(catalogue, ratings, null);
    }

    private static (int[] Fit, int[] Blend) SplitBlocks(int blocks, double share, ulong seed)
    {
        var order = Enumerable.Range(0, blocks).ToArray();
        new Rng(seed ^ 0xB1E4D).Shuffle(order.AsSpan());
        var cut = Math.Clamp((int)Math.Round(share * blocks), 1, blocks - 1);
        var fit = order[..cut];
        var blend = order[cut..];
        Array.Sort(fit);
        Array.Sort(blend);
        return (fit, blend);
    }

    private static (float[] Rows, bool[] Labels) Select(float[] rows, bool[] labels, int[] blocks, int blockSize, int width)
    {
        var r = new float[blocks.Length * blockSize * width];
        var l = new bool[blocks.Length * blockSize];
        for (var j = 0; j < blocks.Length; j++)
        {
            Array.Copy(rows, blocks[j] * blockSize * width, r, j * blockSize * width, blockSize * width);
            Array.Copy(labels, blocks[j] * blockSize, l, j * blockSize, blockSize);
        }
        return (r, l);
    }

    private static double[] Pick(double[] values, int[] blocks, int blockSize)
    {
        var part = new double[blocks.Length * blockSize];
        for (var j = 0; j < blocks.Length; j++) Array.Copy(values, blocks[j] * blockSize, part, j * blockSize, blockSize);
        return part;
    }
}
