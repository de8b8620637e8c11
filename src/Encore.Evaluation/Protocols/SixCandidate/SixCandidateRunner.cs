using System.Diagnostics;
using Encore.Core.Randomness;
using Encore.Data.Model;
using Encore.Evaluation.Metrics;
using Encore.Evaluation.Statistics;
using Encore.Models.Hierarchy;

namespace Encore.Evaluation.Protocols.SixCandidate;

/// <summary>
/// Runs SPEC S4 end to end: prepares test and validation lists, scores every strategy, fits the learned
/// fallback on validation, trains the ML.NET classifiers on part of the validation lists and the stacked
/// ensemble on the rest, fits the per-level ALS models and their blends, then scores the test lists and
/// compares models with paired tests. Nothing is fitted on test labels. Deterministic for a seed.
/// </summary>
public static class SixCandidateRunner
{
    public static SixCandidateReport Run(MusicDataset dataset, SixCandidateOptions options, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (options, dataset) = options.Resolve(dataset);
        if (options.Ratings == RatingSource.Interactions) progress?.Report($"no explicit track ratings used: {DerivedRatings.Description}");
        var wanted = options.Models.Count == 0 ? SixCandidateModels.All : options.Models;
        bool Want(string name) => wanted.Contains(name, StringComparer.OrdinalIgnoreCase);

        var data = SixCandidateData.Prepare(dataset, options);
        progress?.Report($"test: {data.Test.Blocks:N0} lists ({data.Test.Count:N0} candidates) over {data.Train.Count:N0} training ratings; validation: {data.Validation.Blocks:N0} lists over {data.InnerTrain.Count:N0} ratings");
        var catalogue = HierarchyInputs.Catalogue(dataset);
        var users = dataset.Users.Count;
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);

        var clock = Stopwatch.StartNew();
        var innerRatings = HierarchyInputs.Ratings(data.InnerTrain, users, catalogue);
        var prior = ChoosePrior(data.Validation, catalogue, innerRatings, options, ct);
        progress?.Report($"{prior.Describe()} ({clock.Elapsed.TotalSeconds:0.0} s)");
        var validation = ScoredCandidates.Build(data.Validation, catalogue, innerRatings, prior.Settings, AdaptiveScale.Raw, 0, AdaptiveScale.Raw, options, ct);
        var (adaptive, confidence) = ChooseAdaptive(validation, options);
        validation = validation.WithAdaptive(confidence.Form, confidence.Confidence, adaptive.Form);
        progress?.Report(adaptive.Describe());
        progress?.Report(confidence.Describe());
        progress?.Report($"validation features and flat ALS: {clock.Elapsed.TotalSeconds:0.0} s");
        clock.Restart();
        var testRatings = HierarchyInputs.Ratings(data.Train, users, catalogue);
        var test = ScoredCandidates.Build(data.Test, catalogue, testRatings, prior.Settings, confidence.Form, confidence.Confidence, adaptive.Form, options, ct);
        var featureSeconds = clock.Elapsed.TotalSeconds;
        progress?.Report($"test features and flat ALS: {featureSeconds:0.0} s");
        var scores = new Dictionary<string, double[]>(test.Scores, StringComparer.Ordinal);
        foreach (var name in scores.Keys) seconds[name] = featureSeconds;

        clock.Restart();
        var fallback = LearnedFallbackFit.Fit(validation);
        scores[HierarchyStrategy.LearnedFallback.Name()] = fallback.Score(test);
        seconds[HierarchyStrategy.LearnedFallback.Name()] = featureSeconds + clock.Elapsed.TotalSeconds;
        progress?.Report($"learned fallback: b0 {fallback.Intercept:0.#}, b1 {fallback.Slope:0.#} (validation accuracy {fallback.ValidationAccuracy:0.####})");

        var classifiers = new Dictionary<string, CandidateClassifier>(StringComparer.Ordinal);
        var importances = new List<FeatureImportances>();
        var weights = new List<(string, double)>();
        if (SixCandidateModels.Classifiers.Any(Want) || Want(SixCandidateModels.Ensemble))
        {
            var (fitBlocks, blendBlocks) = SplitBlocks(data.Validation.Blocks, options.ClassifierShare, options.Seed);
            var fitSet = Rows(validation, fitBlocks, out var fitLabels);
            var blendSet = Rows(validation, blendBlocks, out var blendLabels);
            var testRows = test.ClassifierRows();
            var names = ScoredCandidates.FeatureNames;
            var blendScores = new Dictionary<string, double[]>(StringComparer.Ordinal);
            foreach (var kind in Enum.GetValues<ClassifierKind>())
            {
                if (!Want(kind.Name()) && !Want(SixCandidateModels.Ensemble)) continue;
                clock.Restart();
                progress?.Report($"training {kind.Name()} on {fitLabels.Length:N0} validation candidates ({names.Length} features)...");
                var model = CandidateClassifier.Train(kind, names, fitSet, fitLabels, options.Classifiers with { Seed = options.Seed }, ct);
                classifiers[kind.Name()] = model;
                scores[kind.Name()] = [.. model.Score(testRows).Select(s => (double)s)];
                blendScores[kind.Name()] = [.. model.Score(blendSet).Select(s => (double)s)];
                seconds[kind.Name()] = featureSeconds + clock.Elapsed.TotalSeconds;
                progress?.Report($"  {kind.Name()}: {clock.Elapsed.TotalSeconds:0.0} s");
                if (kind != ClassifierKind.Logistic)
                    importances.Add(new FeatureImportances(kind.Name(), [.. names.Zip(model.Importances).OrderByDescending(p => p.Second)]));
            }
            if (Want(SixCandidateModels.Ensemble))
            {
                clock.Restart();
                var blendView = ScoresOf(validation, blendBlocks, fallback);
                var members = new List<string> { HierarchyStrategy.Adaptive.Name(), HierarchyStrategy.LearnedFallback.Name(), SixCandidateModels.AlsFlat };
                members.AddRange(blendScores.Keys);
                var memberBlend = members.Select(m => blendScores.TryGetValue(m, out var s) ? s : blendView[m]).ToList();
                var ensemble = StackedEnsemble.Fit(members, memberBlend, blendLabels, data.Validation.BlockSize, options.Seed);
                scores[SixCandidateModels.Ensemble] = ensemble.Score([.. members.Select(m => scores[m])], data.Test.BlockSize);
                seconds[SixCandidateModels.Ensemble] = members.Sum(m => seconds.GetValueOrDefault(m)) + clock.Elapsed.TotalSeconds;
                weights.AddRange(members.Zip(ensemble.Weights));
                progress?.Report($"ensemble weights learned on {blendLabels.Length:N0} held-out validation candidates: {string.Join(", ", weights.Select(w => $"{w.Item1} {w.Item2:0.###}"))}");
            }
        }

        IReadOnlyList<CatalogueZScores.Row> catalogueZ = [];
        if (options.CatalogueZ && classifiers.Count > 0)
        {
            clock.Restart();
            catalogueZ = CatalogueZScores.Measure(test, catalogue, testRatings, classifiers, scores, options.Seed, ct);
            progress?.Report($"classifiers with catalogue-wide z-scores: {clock.Elapsed.TotalSeconds:0.0} s");
        }

        var missing = new List<string>();
        if (!catalogue.HasAlbums) missing.Add("album");
        if (Array.TrueForAll(catalogue.TrackArtists, a => a < 0)) missing.Add("artist");
        if (catalogue.GenreIds.Length == 0) missing.Add("genre");
        if (SixCandidateModels.Blends.Any(Want))
            LevelBlends.Add(test, testRatings, catalogue, options, scores, seconds, missing, progress, ct);

        return Assemble(options.Label(data.Given), data, test, scores, seconds, wanted, importances, weights, fallback, missing, classifiers, options.Seed, prior,
            ValidationAccuracies(validation, fallback), catalogueZ, adaptive, confidence);
    }

    /// <summary>
    /// Adaptive's form and evidence confidence, on the validation lists only (never test): the strict adaptive's form at lambda 0
    /// (<see cref="AdaptiveScaleSelection"/>, or the given form), then lambda jointly with the form (<see cref="PriorConfidenceSelection"/>),
    /// or at a given lambda the form chosen at it.
    /// </summary>
    private static (AdaptiveScaleChoice Strict, PriorConfidenceChoice Served) ChooseAdaptive(ScoredCandidates validation, SixCandidateOptions options)
    {
        var (features, set, priors) = (validation.Features, validation.Set, validation.Extractor.Priors);
        var fixedForm = options.AdaptiveScale != AdaptiveScale.Validated;
        var strict = fixedForm ? AdaptiveScaleChoice.FixedAt(options.AdaptiveScale) : AdaptiveScaleSelection.Choose(features, set.Labels, set.BlockSize, set.Liked, priors);
        if (options.PriorConfidence is { } lambda)
        {
            var form = fixedForm ? options.AdaptiveScale : AdaptiveScaleSelection.Choose(features, set.Labels, set.BlockSize, set.Liked, priors, lambda).Form;
            return (strict, PriorConfidenceChoice.FixedAt(form, lambda));
        }
        IReadOnlyList<AdaptiveScale> forms = fixedForm ? [options.AdaptiveScale] : AdaptiveScaleNames.Forms;
        return (strict, PriorConfidenceSelection.Choose(features, set.Labels, set.BlockSize, set.Liked, priors, forms, strict));
    }

    /// <summary>Validation accuracy of each heuristic strategy (the lists every choice is made on), in SPEC S4's order.</summary>
    private static IReadOnlyList<(string Model, double Accuracy)> ValidationAccuracies(ScoredCandidates validation, LearnedFallbackFit fallback)
    {
        var set = validation.Set;
        var names = new[] { "max-genre", "weighted", SixCandidateModels.WeightedSiblings, SixCandidateModels.WeightedBayes, "weighted+bayes+siblings", SixCandidateModels.AdaptiveStrict, "adaptive" };
        var result = names.Select(n => (n, SixCandidateAccuracy.Compute(validation.Scores[n], set.Labels, set.BlockSize, set.Liked))).ToList();
        result.Add((HierarchyStrategy.LearnedFallback.Name(), fallback.ValidationAccuracy));
        return result;
    }

    /// <summary>The strategies' Bayesian prior: chosen on the validation lists (never test), or SPEC S4's fixed C when asked.</summary>
    private static PriorChoice ChoosePrior(CandidateSet validation, HierarchyCatalogue catalogue, HierarchyRatings innerRatings, SixCandidateOptions options, CancellationToken ct) =>
        options.PriorFit == PriorFit.Fixed
            ? PriorChoice.FixedAt(PriorSettings.Spec(options.PriorStrength))
            : PriorSelection.Choose(catalogue, innerRatings, validation.Users, validation.Tracks, validation.Labels, validation.BlockSize, validation.Liked, options.PriorStrength, ct);

    private static SixCandidateReport Assemble(string label, SixCandidateData data, ScoredCandidates test, Dictionary<string, double[]> scores,
        Dictionary<string, double> seconds, IReadOnlyList<string> wanted, List<FeatureImportances> importances, List<(string, double)> weights,
        LearnedFallbackFit fallback, List<string> missing, Dictionary<string, CandidateClassifier> classifiers, ulong seed, PriorChoice prior,
        IReadOnlyList<(string Model, double Accuracy)> validationAccuracies, IReadOnlyList<CatalogueZScores.Row> catalogueZ, AdaptiveScaleChoice adaptive,
        PriorConfidenceChoice confidence)
    {
        var set = data.Test;
        var results = new List<SixCandidateResult>();
        foreach (var name in SixCandidateModels.All)
        {
            if (!wanted.Contains(name, StringComparer.OrdinalIgnoreCase) || !scores.TryGetValue(name, out var s)) continue;
            var perUser = PerUser(s, set);
            var (mean, low, high) = BootstrapInterval.OfMean(perUser, seed: seed);
            results.Add(new SixCandidateResult(name, SixCandidateModels.Family(name), perUser, mean, low, high, seconds.GetValueOrDefault(name)));
        }
        var byName = results.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var climb = new List<string> { "max-genre", "weighted", "weighted+bayes+siblings", "adaptive", "learned-fallback" };
        var bestClassifier = results.Where(r => r.Family == "classifier").MaxBy(r => r.Accuracy);
        if (bestClassifier is not null) climb.Add(bestClassifier.Name);
        climb.Add(SixCandidateModels.Ensemble);
        var present = climb.Where(byName.ContainsKey).ToList();
        var steps = new List<SixCandidateStep>();
        for (var i = 1; i < present.Count; i++)
            steps.Add(new SixCandidateStep(present[i - 1], present[i], PairedComparison.Compare(byName[present[i - 1]].PerUser, byName[present[i]].PerUser, seed)));
        // The decomposition of the weighted -> weighted+bayes+siblings step: each half against weighted, then the
        // Bayesian step on top of the siblings (weighted+siblings -> weighted+bayes+siblings).
        // Then SPEC S4's strict adaptive (lambda 0) against weighted+bayes+siblings and against the validated adaptive.
        foreach (var (from, to) in new[] { ("weighted", SixCandidateModels.WeightedBayes), ("weighted", SixCandidateModels.WeightedSiblings), (SixCandidateModels.WeightedSiblings, "weighted+bayes+siblings"),
            ("weighted+bayes+siblings", SixCandidateModels.AdaptiveStrict), (SixCandidateModels.AdaptiveStrict, "adaptive") })
            if (byName.ContainsKey(from) && byName.ContainsKey(to))
                steps.Add(new SixCandidateStep(from, to, PairedComparison.Compare(byName[from].PerUser, byName[to].PerUser, seed)));
        var ranked = results.OrderByDescending(r => r.Accuracy).ToList();
        var headToHead = ranked.Count >= 2
            ? new SixCandidateStep(ranked[1].Name, ranked[0].Name, PairedComparison.Compare(ranked[1].PerUser, ranked[0].PerUser, seed))
            : null;
        return new SixCandidateReport
        {
            Label = label,
            Users = set.BlockUsers(),
            TestCandidates = set.Count,
            ValidationCandidates = data.Validation.Count,
            TrainRatings = data.Train.Count,
            Results = ranked,
            Steps = steps,
            BestVsRunnerUp = headToHead,
            Importances = importances,
            EnsembleWeights = weights,
            Fallback = fallback,
            MissingLevels = missing,
            Test = test,
            TestScores = scores,
            Classifiers = classifiers,
            Prior = prior,
            AdaptiveScale = adaptive,
            PriorConfidence = confidence,
            ValidationAccuracies = validationAccuracies,
            CatalogueZ = catalogueZ,
        };
    }

    /// <summary>Share of each user's list guessed right (top <c>Liked</c> scores predicted liked), by <see cref="SixCandidateAccuracy"/>.</summary>
    public static double[] PerUser(double[] scores, CandidateSet set)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(set);
        var result = new double[set.Blocks];
        for (var b = 0; b < result.Length; b++)
            result[b] = SixCandidateAccuracy.Compute(scores.AsSpan(b * set.BlockSize, set.BlockSize), set.Labels.AsSpan(b * set.BlockSize, set.BlockSize), set.BlockSize, set.Liked);
        return result;
    }

    private static (int[] Fit, int[] Blend) SplitBlocks(int blocks, double share, ulong seed)
    {
        var order = Enumerable.Range(0, blocks).ToArray();
        var rng = new Rng(seed ^ 0xB1E4D);
        rng.Shuffle(order.AsSpan());
        var cut = Math.Clamp((int)Math.Round(share * blocks), 1, blocks - 1);
        var fit = order[..cut];
        var blend = order[cut..];
        Array.Sort(fit);
        Array.Sort(blend);
        return (fit, blend);
    }

    private static float[] Rows(ScoredCandidates set, int[] blocks, out bool[] labels)
    {
        var all = set.ClassifierRows();
        var width = ScoredCandidates.FeatureNames.Length;
        var b = set.Set.BlockSize;
        var rows = new float[blocks.Length * b * width];
        labels = new bool[blocks.Length * b];
        for (var j = 0; j < blocks.Length; j++)
        {
            Array.Copy(all, blocks[j] * b * width, rows, j * b * width, b * width);
            Array.Copy(set.Set.Labels, blocks[j] * b, labels, j * b, b);
        }
        return rows;
    }

    private static Dictionary<string, double[]> ScoresOf(ScoredCandidates set, int[] blocks, LearnedFallbackFit fallback)
    {
        var all = new Dictionary<string, double[]>(set.Scores, StringComparer.Ordinal) { [HierarchyStrategy.LearnedFallback.Name()] = fallback.Score(set) };
        var b = set.Set.BlockSize;
        var result = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (name, s) in all)
        {
            var part = new double[blocks.Length * b];
            for (var j = 0; j < blocks.Length; j++) Array.Copy(s, blocks[j] * b, part, j * b, b);
            result[name] = part;
        }
        return result;
    }
}
