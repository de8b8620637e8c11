using System.Globalization;
using Encore.Core.Interactions;
using Encore.Data.Aggregation;
using Encore.Data.Model;
using Encore.Data.Splits;
using Encore.Models.Contract;

namespace Encore.Evaluation.Protocols;

/// <summary>
/// Per-user random holdout (PEERS.md): aggregate, hide round(f n) of each user's pairs (seeded). The
/// validation target hides the same share again inside train, with seed + 1, so settings are never chosen on test.
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
        return FromMatrix(matrix, resolved, label, ItemCatalogue.From(dataset, matrix.Items.Count), choice);
    }

    /// <summary>Holdout over a whole matrix: test with the seed, and for the validation target a second carve of that train with seed + 1.</summary>
    internal static PreparedProtocol FromMatrix(InteractionMatrix matrix, ProtocolOptions options, string label, ItemCatalogue catalogue, ConfidenceChoice? choice = null)
    {
        var fraction = options.EffectiveTestFraction;
        var split = new UserRandomHoldoutSplit(fraction, options.Seed).Split(matrix);
        var train = split.Train;
        var target = split.Test;
        if (options.Target == EvaluationTarget.Validation)
        {
            var inner = new UserRandomHoldoutSplit(fraction, unchecked(options.Seed + 1)).Split(split.Train);
            train = inner.Train;
            target = inner.Test;
        }
        return Build(matrix.With(train), target, options, $"{label}, {Target(options)}", catalogue, choice);
    }

    /// <summary>
    /// The validation target of a split whose train part is already known (the given-split protocol): one carve of
    /// <paramref name="train"/> with the same rule and seed + 1 (as the holdout protocol's inner carve), never two.
    /// </summary>
    internal static PreparedProtocol ValidationFromTrain(InteractionMatrix train, ProtocolOptions options, string label, ItemCatalogue catalogue, ConfidenceChoice? choice = null)
    {
        var inner = new UserRandomHoldoutSplit(options.EffectiveTestFraction, unchecked(options.Seed + 1)).Split(train.Matrix);
        return Build(train.With(inner.Train), inner.Test, options, $"{label}, {Target(options)}", catalogue, choice);
    }

    /// <summary>A split whose parts are already known (holdout or given files): every held-out pair is relevant.</summary>
    internal static PreparedProtocol Build(InteractionMatrix train, Core.Sparse.CsrMatrix target, ProtocolOptions options, string label, ItemCatalogue catalogue,
        ConfidenceChoice? choice = null) => new()
        {
            Label = $"{label}, {options.RankingLabel}{ConfidenceStep.LabelSuffix(choice)}",
            Confidence = choice,
            Options = options,
            Train = new TrainingData(train.Matrix, train.Users, train.Items),
            Target = target,
            Catalogue = catalogue,
            Statistics = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["train-pairs"] = train.Matrix.NonZeros,
                ["target-pairs"] = target.NonZeros,
                ["target-users"] = PairFilter.UsersWithEntries(target),
                ["unseen-share"] = target.NonZeros == 0 ? 0 : (double)PairFilter.CountUnseen(target, train.Matrix) / target.NonZeros,
            },
        };

    internal static string Target(ProtocolOptions options) =>
        options.Target == EvaluationTarget.Validation ? "validation carved from train" : "test";
}
