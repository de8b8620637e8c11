using Encore.Core.Sparse;
using Encore.Data.Aggregation;
using Encore.Models.Contract;

namespace Encore.Evaluation.Protocols;

/// <summary>
/// A protocol applied to a dataset: what models train on, which held-out pairs count as relevant (same
/// users x items shape; training items are excluded from every ranking), the catalogue for diversity, and
/// the protocol's own statistics (pair counts, share of held-out pairs never seen in training).
/// </summary>
public sealed record PreparedProtocol
{
    public required string Label { get; init; }

    public required ProtocolOptions Options { get; init; }

    public required TrainingData Train { get; init; }

    /// <summary>Relevant held-out (user, item) pairs with their scores; users with an empty row are not evaluated.</summary>
    public required CsrMatrix Target { get; init; }

    /// <summary>
    /// Every held-out (user, item) pair with its aggregated score, repeats of training pairs included (what SPEC S1's
    /// group rule counts). Null when it equals <see cref="Target"/> (holdout and given splits hold out pairs, never repeats).
    /// </summary>
    public CsrMatrix? HeldOut { get; init; }

    /// <summary>Last training event time (Unix ms) for temporal protocols: side tables after it are not shown to models. Null when the split is not by time.</summary>
    public long? TrainingCutoff { get; init; }

    public ItemCatalogue Catalogue { get; init; } = ItemCatalogue.None;

    /// <summary>The confidence transform the training values went through, and whether it was chosen from the data.</summary>
    public ConfidenceChoice? Confidence { get; init; }

    /// <summary>Facts about the split recorded with every run (e.g. "train-pairs", "unseen-share").</summary>
    public IReadOnlyDictionary<string, double> Statistics { get; init; } = new Dictionary<string, double>();

    /// <summary>Number of training users per item (the popularity that novelty and popularity bias use).</summary>
    public int[] ItemPopularity()
    {
        var popularity = new int[Train.ItemCount];
        foreach (var item in Train.Interactions.ColumnIndices) popularity[item]++;
        return popularity;
    }
}
