using System.Diagnostics;
using Encore.Core.Ids;
using Encore.Core.Randomness;
using Encore.Evaluation.Content;
using Encore.Evaluation.Metrics;
using Encore.Models.Contract;

namespace Encore.Evaluation.Protocols.SampledNegatives;

/// <summary>
/// One scorer's result under <see cref="SampledNegativeSplit"/>: accuracy at the validation-chosen threshold with the
/// Wilson 95% interval, and ROC AUC (Mann-Whitney) with the Hanley-McNeil (1982) 95% interval, both over the test pairs.
/// </summary>
/// <param name="Model">Model name, or "random (1:1)" for the seeded random scorer.</param>
/// <param name="Threshold">Decision threshold chosen on validation (score &gt;= it predicts "in the playlist").</param>
/// <param name="ValidationAccuracy">Accuracy at that threshold on validation.</param>
/// <param name="Report">Test accuracy and ROC AUC with intervals (pairs, positives, negatives).</param>
/// <param name="FitSeconds">Training time (0 for the random scorer).</param>
public sealed record SampledNegativeResult(string Model, double Threshold, double ValidationAccuracy, ClassifierReport Report, double FitSeconds);

/// <summary>
/// Trains each model on the split's playlists x tracks matrix (playlists as users), scores the labelled validation
/// and test pairs with <see cref="IRecommender.Score"/>, chooses each model's threshold on validation
/// (<see cref="ThresholdChoice"/>) and reports test accuracy and ROC AUC. A score that is not finite (a model with no
/// evidence for the pair) counts as below every finite score of that model. The first row is a seeded uniform random
/// scorer: the 1:1 baseline (0.5 in expectation for both measures).
/// </summary>
public static class SampledNegativeRunner
{
    /// <summary>Name of the random baseline row.</summary>
    public const string RandomName = "random (1:1)";

    /// <summary>Runs the random baseline and every candidate; <paramref name="progress"/> gets one line per model.</summary>
    /// <exception cref="Core.Errors.EncoreException">The split has no test pair.</exception>
    public static IReadOnlyList<SampledNegativeResult> Run(SampledNegativeSplit split, IdMap playlists, IdMap tracks, IReadOnlyList<ModelCandidate> candidates,
        ulong seed, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(candidates);
        if (split.Test.Count == 0) throw new Core.Errors.EncoreException("no test pair: no playlist has a track outside it to sample as a negative.");
        var results = new List<SampledNegativeResult> { Random(split, seed) };
        var data = new TrainingData(split.Train, playlists, tracks);
        foreach (var candidate in candidates)
        {
            var clock = Stopwatch.StartNew();
            var model = candidate.Trainer.Fit(data, null, cancellationToken);
            var fit = clock.Elapsed.TotalSeconds;
            var result = Evaluate(candidate.Name, Scores(model, split.Validation), Scores(model, split.Test), split, fit);
            progress?.Report(FormattableString.Invariant(
                $"{candidate.Name}: fit {fit:F2} s, accuracy {result.Report.Accuracy:F4}, ROC AUC {result.Report.RocAuc:F4}"));
            results.Add(result);
        }
        return results;
    }

    /// <summary>The result of given validation and test scores (aligned with the split's pairs).</summary>
    internal static SampledNegativeResult Evaluate(string name, double[] validationScores, double[] testScores, SampledNegativeSplit split, double fitSeconds)
    {
        var validationLabels = split.Validation.Select(p => p.Label).ToArray();
        var testLabels = split.Test.Select(p => p.Label).ToArray();
        Finite(validationScores, testScores);
        var (threshold, validationAccuracy) = ThresholdChoice.Best(validationScores, validationLabels);
        var accuracy = ClassificationMetrics.AccuracyAt(testScores, testLabels, threshold);
        var positives = testLabels.Count(l => l);
        var (low, high) = Statistics.WilsonInterval.Of(accuracy, testLabels.Length);
        var auc = ClassificationMetrics.RocAuc(testScores, testLabels);
        var (aucLow, aucHigh) = ClassifierReport.HanleyMcNeil(auc, positives, testLabels.Length - positives);
        var report = new ClassifierReport(testLabels.Length, positives, testLabels.Length - positives, accuracy, low, high, auc, aucLow, aucHigh);
        return new SampledNegativeResult(name, threshold, validationAccuracy, report, fitSeconds);
    }

    private static SampledNegativeResult Random(SampledNegativeSplit split, ulong seed)
    {
        var rng = Rng.Fork(seed, 0x4a_9d0);
        var validation = new double[split.Validation.Count];
        for (var i = 0; i < validation.Length; i++) validation[i] = rng.NextDouble();
        var test = new double[split.Test.Count];
        for (var i = 0; i < test.Length; i++) test[i] = rng.NextDouble();
        return Evaluate(RandomName, validation, test, split, 0);
    }

    /// <summary>The model's score of every pair, one <see cref="IRecommender.Score"/> call per playlist.</summary>
    private static double[] Scores(IRecommender model, IReadOnlyList<LabelledPair> pairs)
    {
        var result = new double[pairs.Count];
        var start = 0;
        while (start < pairs.Count)
        {
            var end = start;
            while (end < pairs.Count && pairs[end].Playlist == pairs[start].Playlist) end++;
            var items = new int[end - start];
            for (var i = 0; i < items.Length; i++) items[i] = pairs[start + i].Track;
            var scores = new float[items.Length];
            model.Score(pairs[start].Playlist, items, scores);
            for (var i = 0; i < items.Length; i++) result[start + i] = scores[i];
            start = end;
        }
        return result;
    }

    /// <summary>In place: non-finite scores become one below the smallest finite score of both sets (0 when none is finite).</summary>
    private static void Finite(double[] validation, double[] test)
    {
        var min = double.PositiveInfinity;
        foreach (var s in validation.Concat(test)) if (double.IsFinite(s)) min = Math.Min(min, s);
        var floor = double.IsFinite(min) ? min - 1 : 0;
        foreach (var scores in new[] { validation, test })
            for (var i = 0; i < scores.Length; i++) if (!double.IsFinite(scores[i])) scores[i] = floor;
    }
}
