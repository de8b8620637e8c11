using System.Globalization;
using Encore.Data.Aggregation;
using Encore.Data.Model;
using Encore.Data.Splits;
using Encore.Models.Contract;

namespace Encore.Evaluation.Protocols;

/// <summary>
/// SPEC S1: one global cut in time into train / validation / test. Validation is scored by a model trained on
/// train; test by a model trained on train + validation (both strictly earlier). A held-out (user, item) pair
/// is relevant when its aggregated score reaches the threshold and the user had no such pair in training
/// (seen items are excluded from rankings, so repeats could never be hit); the share of held-out pairs never
/// seen in training is reported.
/// </summary>
internal static class TemporalPreparation
{
    public static PreparedProtocol Prepare(MusicDataset dataset, ProtocolOptions options)
    {
        var events = dataset.Events;
        var timed = 0;
        foreach (var t in events.Timestamps)
            if (t != Missing.Time) timed++;
        if (timed == 0)
            throw new ArgumentException($"the dataset ({dataset.Source}) has no event times; the temporal protocol needs them (use holdout or given:<folder>).");
        var testFraction = options.EffectiveTestFraction;
        var split = new GlobalTemporalSplit(new GlobalTemporalSplitOptions { TestFraction = testFraction, ValidationFraction = options.ValidationFraction })
            .Split(events);
        var onTest = options.Target == EvaluationTarget.Test;
        var trainEvents = onTest ? Concat(split.TrainRows, split.ValidationRows, events) : split.Train;
        var heldOutEvents = onTest ? split.Test : split.Validation;

        var aggregation = options.Aggregation;
        var rawTrain = InteractionAggregator.Aggregate(trainEvents, dataset.Users, dataset.Items, aggregation with { Confidence = ConfidenceTransform.None }, dataset.Ratings, dataset.ItemLevel);
        var (resolved, trainValues, choice) = ConfidenceStep.Apply(options, rawTrain.Matrix);
        options = resolved;
        var train = rawTrain.With(TrainingSignal.Apply(trainValues, rawTrain.Matrix, options.Ratings, options.RelevanceThreshold));
        var heldOut = InteractionAggregator.AggregateScores(heldOutEvents, dataset.Users.Count, dataset.Items.Count, aggregation);
        var target = PairFilter.RelevantUnseen(heldOut, rawTrain.Matrix, options.RelevanceThreshold);

        var trainShare = 1 - testFraction - options.ValidationFraction;
        var label = string.Create(CultureInfo.InvariantCulture,
            $"temporal {trainShare:0.##}/{options.ValidationFraction:0.##}/{testFraction:0.##}, {(onTest ? "test (trained on train + validation)" : "validation")}, relevant = new pairs with {ThresholdLabel.Of(options)}, {options.RankingLabel}{ConfidenceStep.LabelSuffix(choice)}{TrainingSignal.LabelSuffix(options.Ratings)}");
        return new PreparedProtocol
        {
            Label = label,
            Options = options,
            Confidence = choice,
            Train = new TrainingData(train.Matrix, train.Users, train.Items),
            Target = target,
            HeldOut = heldOut,
            TrainingCutoff = LastTime(trainEvents),
            Catalogue = ItemCatalogue.From(dataset, dataset.Items.Count),
            Statistics = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["train-events"] = trainEvents.Count,
                ["held-out-events"] = heldOutEvents.Count,
                ["train-pairs"] = train.Matrix.NonZeros,
                ["held-out-pairs"] = heldOut.NonZeros,
                ["unseen-share"] = heldOut.NonZeros == 0 ? 0 : (double)PairFilter.CountUnseen(heldOut, rawTrain.Matrix) / heldOut.NonZeros,
                ["target-pairs"] = target.NonZeros,
                ["target-users"] = PairFilter.UsersWithEntries(target),
            },
        };
    }

    private static long? LastTime(EventTable events)
    {
        long? last = null;
        foreach (var t in events.Timestamps)
            if (t != Missing.Time && (last is null || t > last)) last = t;
        return last;
    }

    private static EventTable Concat(int[] first, int[] second, EventTable events)
    {
        var rows = new int[first.Length + second.Length];
        first.CopyTo(rows, 0);
        second.CopyTo(rows, first.Length);
        return events.Select(rows);
    }
}
