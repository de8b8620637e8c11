using Encore.Data.Model;

namespace Encore.Evaluation.Protocols;

/// <summary>Applies a <see cref="ProtocolOptions"/> to a dataset: the entry point before <see cref="EvaluationPipeline"/>.</summary>
public static class ProtocolPreparer
{
    public static PreparedProtocol Prepare(MusicDataset dataset, ProtocolOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        if (options.SampledNegatives is <= 0)
            throw new ArgumentException($"sampled negatives must be > 0, got {options.SampledNegatives}.", nameof(options));
        if (!(options.RelevanceThreshold > 0 && float.IsFinite(options.RelevanceThreshold)))
            throw new ArgumentException($"the relevance threshold must be a finite number above 0, got {options.RelevanceThreshold}.", nameof(options));
        cancellationToken.ThrowIfCancellationRequested();
        var source = dataset;
        (dataset, options) = SignalStep.Resolve(dataset, options);
        var prepared = options.Kind switch
        {
            ProtocolKind.Holdout => HoldoutPreparation.Prepare(dataset, options),
            ProtocolKind.Temporal => TemporalPreparation.Prepare(dataset, options),
            ProtocolKind.Given => GivenPreparation.Prepare(dataset, options, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "unknown protocol kind"),
        };
        SignalStep.EnsureUsable(prepared, source);
        // Content models (affinity) read the tracks' vectors; every other model ignores them.
        var train = Content.ContentFeatures.Attach(dataset, prepared.Train);
        SignalStep.EnsureMeasurable(prepared, train);
        // Side tables (friendships, tag assignments) for the models that use them (the funnel); cut at the training
        // period's end where the protocol is temporal.
        train = Side.SideTables.Attach(dataset, train, prepared.TrainingCutoff);
        // A copy with every other part kept (held-out scores, confidence choice, statistics, ...).
        return ReferenceEquals(train, prepared.Train) ? prepared : prepared with { Train = train };
    }
}
