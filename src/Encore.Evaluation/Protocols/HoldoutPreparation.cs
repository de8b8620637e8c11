using System.Globalization;
using Encore.Core.Interactions;
using Encore.Core.Sparse;
using Encore.Data.Aggregation;
using Encore.Data.Model;
using Encore.Data.Splits;
using Encore.Models.Contract;

namespace Encore.Evaluation.Protocols;

/// <summary>
/// Per-user random holdout (PEERS.md): aggregate, hide round(f n) of each user's pairs (seeded). The
/// validation target hides the same share again inside train, with seed + 1 (or the protocol's validation seed), so settings are never chosen on test.
/// A held-out pair is relevant when its raw score (play count, rating) is at least <see cref="ProtocolOptions.RelevanceThreshold"/>.
/// </summary>
internal static class HoldoutPreparation
{
    public static PreparedProtocol Prepare(MusicDataset dataset, ProtocolOptions options)
    {
        var raw = InteractionAggregator.Aggregate(dataset, options.Aggregation with { Confidence = ConfidenceTransform.None });
        var (resolved, trainValues, choice) = ConfidenceStep.Apply(options, raw.Matrix);
        var matrix = raw.With(trainValues);
        var fraction = options.EffectiveTestFraction;
        var label = string.Create(CultureInfo.InvariantCulture, $"holdout-{fraction} seed {options.Seed}");
        return FromMatrix(matrix, raw.Matrix, resolved, label, ItemCatalogue.From(dataset, matrix.Items.Count), choice);
    }

    /// <summary>
    /// Holdout over a whole matrix: test with the seed, and for the validation target a second carve of that train with seed + 1.
    /// <paramref name="raw"/> holds the untransformed scores with the same pattern (the split depends on the pattern only,
    /// so both matrices split alike); relevance is read from it.
    /// </summary>
    internal static PreparedProtocol FromMatrix(InteractionMatrix matrix, CsrMatrix raw, ProtocolOptions options, string label, ItemCatalogue catalogue, ConfidenceChoice? choice = null)
    {
        var fraction = options.EffectiveTestFraction;
        var outer = new UserRandomHoldoutSplit(fraction, options.Seed);
        var split = outer.Split(matrix);
        var rawSplit = outer.Split(raw);
        var train = split.Train;
        var rawTrain = rawSplit.Train;
        var target = rawSplit.Test;
        if (options.Target == EvaluationTarget.Validation)
        {
            var innerSplit = new UserRandomHoldoutSplit(fraction, options.EffectiveValidationSeed);
            var inner = innerSplit.Split(split.Train);
            var rawInner = innerSplit.Split(rawSplit.Train);
            train = inner.Train;
            rawTrain = rawInner.Train;
            target = rawInner.Test;
        }
        return Build(matrix.With(train), rawTrain, target, options, $"{label}, {Target(options)}", catalogue, choice);
    }

    /// <summary>
    /// The validation target of a split whose train part is already known (the given-split protocol): one carve of
    /// <paramref name="train"/> with the same rule and seed + 1 (as the holdout protocol's inner carve), never two.
    /// </summary>
    internal static PreparedProtocol ValidationFromTrain(InteractionMatrix train, CsrMatrix rawTrain, ProtocolOptions options, string label, ItemCatalogue catalogue, ConfidenceChoice? choice = null)
    {
        var carve = new UserRandomHoldoutSplit(options.EffectiveTestFraction, options.EffectiveValidationSeed);
        var inner = carve.Split(train.Matrix);
        var rawInner = carve.Split(rawTrain);
        return Build(train.With(inner.Train), rawInner.Train, rawInner.Test, options, $"{label}, {Target(options)}", catalogue, choice);
    }

    /// <summary>
    /// A split whose parts are already known (holdout or given files). <paramref name="heldOut"/> holds the raw scores of
    /// the held-out pairs: those at or above the threshold are relevant. <paramref name="rawTrain"/> (raw scores of
    /// <paramref name="train"/>'s pairs) decides which training pairs the rating signal keeps or turns negative.
    /// </summary>
    internal static PreparedProtocol Build(InteractionMatrix train, CsrMatrix rawTrain, CsrMatrix heldOut, ProtocolOptions options, string label, ItemCatalogue catalogue,
        ConfidenceChoice? choice = null)
    {
        var values = TrainingSignal.Apply(train.Matrix, rawTrain, options.Ratings, options.RelevanceThreshold);
        var target = PairFilter.AtLeast(heldOut, options.RelevanceThreshold);
        return new PreparedProtocol
        {
            Label = $"{label}, {options.RankingLabel}, relevant = {ThresholdLabel.Of(options)}{ConfidenceStep.LabelSuffix(choice)}{TrainingSignal.LabelSuffix(options.Ratings)}",
            Confidence = choice,
            Options = options,
            Train = new TrainingData(values, train.Users, train.Items),
            Target = target,
            Catalogue = catalogue,
            Statistics = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["train-pairs"] = values.NonZeros,
                ["held-out-pairs"] = heldOut.NonZeros,
                ["target-pairs"] = target.NonZeros,
                ["target-users"] = PairFilter.UsersWithEntries(target),
                ["unseen-share"] = target.NonZeros == 0 ? 0 : (double)PairFilter.CountUnseen(target, values) / target.NonZeros,
            },
        };
    }

    internal static string Target(ProtocolOptions options) =>
        options.Target != EvaluationTarget.Validation ? "test"
        : options.ValidationSeed is { } seed ? string.Create(CultureInfo.InvariantCulture, $"validation carved from train with seed {seed}")
        : "validation carved from train";
}
