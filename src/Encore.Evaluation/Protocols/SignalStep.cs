using Encore.Data.Model;
using Encore.Data.Ratings;

namespace Encore.Evaluation.Protocols;

/// <summary>
/// Chooses the protocol's signal before any split: the events, or the ratings as interaction values
/// (<see cref="RatingEvents"/>), and the relevance threshold's source default when the user set none.
/// </summary>
internal static class SignalStep
{
    public static (MusicDataset Dataset, ProtocolOptions Options) Resolve(MusicDataset dataset, ProtocolOptions options)
    {
        var signal = RatingEvents.Resolve(dataset, options.Ratings, options.Aggregation.Weights);
        var ratings = signal != RatingSignal.Ignore && options.Kind != ProtocolKind.Given;
        if (signal != RatingSignal.Ignore && options.Kind != ProtocolKind.Given && RatingEvents.Count(dataset) == 0)
            throw new Core.Errors.EncoreException(
                $"data.ratings={signal.ToString().ToLowerInvariant()}: the data set ({dataset.Source}) has no ratings at its item level ({dataset.ItemLevel}); nothing to train on. Use data.ratings=ignore to train on its events.");
        var resolved = options with { Ratings = signal };
        if (ratings) resolved = resolved with { Aggregation = RatingEvents.Aggregation(options.Aggregation.Confidence) };
        // The source's documented threshold, else 4/5 of the highest rating (RatingThresholdRule): a 1-star rating is not relevant.
        var ratingsOnly = RatingScale.ForSource(dataset.Source) is { RatingsOnly: true };
        if (!options.ThresholdIsSet && (ratings || ratingsOnly) && RatingThresholdRule.Default(dataset) is { } chosen)
            resolved = resolved with { RelevanceThreshold = chosen.Threshold, ThresholdOrigin = chosen.Origin, ThresholdAutomatic = chosen.Automatic };
        return (ratings ? RatingEvents.AsEvents(dataset) : dataset, resolved);
    }

    /// <summary>Refuses a protocol with nothing to train on or nothing to score, saying why (exit 2 in the CLI).</summary>
    public static void EnsureUsable(PreparedProtocol prepared, MusicDataset dataset)
    {
        var positive = 0;
        foreach (var v in prepared.Train.Interactions.Values)
            if (v > 0) positive++;
        if (positive == 0)
            throw new Core.Errors.EncoreException(
                $"nothing to train on: {prepared.Train.Interactions.NonZeros:N0} training pairs, none with a positive value ({dataset.Source}: {dataset.Events.Count:N0} events, {RatingEvents.Count(dataset):N0} ratings at the {dataset.ItemLevel} level; protocol {prepared.Label}). " +
                "For a rating data set use --set data.ratings=values; for events check the event kinds and weights.");
        if (prepared.Target.NonZeros == 0)
        {
            // Every model would score 0 and the paired test would fail on "no evaluated user": say why instead.
            var train = prepared.Train.Interactions;
            var longest = 0;
            for (var u = 0; u < train.Rows; u++) longest = Math.Max(longest, train.RowLength(u));
            throw new Core.Errors.EncoreException(
                $"nothing to score: 0 relevant held-out pairs under {prepared.Label} ({train.NonZeros:N0} training pairs over {train.Rows:N0} users, at most {longest:N0} per user). " +
                "A holdout keeps at least one track of each user in training, so users with a single track have nothing to hold out; " +
                "with a relevance threshold (protocol.threshold) no held-out pair reached it. Evaluate on data where users have several tracks, or use --protocol temporal or given:<folder>.");
        }
    }

    /// <summary>
    /// Refuses a protocol whose every held-out item is absent from training (no training pair has it): no model that
    /// learns from interactions can rank such an item, so every score would be 0 (or the luck of tie order). A single
    /// user's table is the common case (its held-out tracks are nobody else's). Content vectors
    /// (<see cref="Models.Contract.TrainingData.ItemFeatures"/>) let affinity rank cold items, so then it passes.
    /// </summary>
    /// <exception cref="Core.Errors.EncoreException">Every held-out item is cold and the training data has no item features.</exception>
    public static void EnsureMeasurable(PreparedProtocol prepared, Models.Contract.TrainingData train)
    {
        var target = prepared.Target;
        if (target.NonZeros == 0 || train.ItemFeatures is not null) return;
        var counts = train.Interactions.ColumnCounts();
        foreach (var item in target.ColumnIndices)
            if ((uint)item < (uint)counts.Length && counts[item] > 0) return;
        var users = PairFilter.UsersWithEntries(target);
        throw new Core.Errors.EncoreException(
            $"nothing to measure: none of the {target.NonZeros:N0} relevant held-out pairs under {prepared.Label} ({users:N0} test user{(users == 1 ? "" : "s")}) " +
            $"has an item that is in training ({train.Interactions.NonZeros:N0} training pairs over {train.UserCount:N0} user{(train.UserCount == 1 ? "" : "s")}), " +
            "so no model can rank them and every score would be 0. A table of a single user does this (its held-out tracks are nobody else's), and so do users who share no tracks. " +
            "Evaluate on data where users share tracks, or give the tracks content vectors (encore import embeddings FILE --dataset SNAPSHOT) and evaluate affinity.");
    }
}
