using Encore.Core.Errors;
using Encore.Models.Contract;

namespace Encore.Models.Neighbourhood;

/// <summary>
/// Fits item-kNN: weights the items x users matrix (<see cref="KnnOptions.Similarity"/>), then keeps the
/// top-K cosine neighbours of every item as a sparse item x item matrix.
/// </summary>
public sealed class ItemKnnTrainer : IRecommenderTrainer
{
    public ItemKnnTrainer(ItemKnnOptions? options = null) => Options = options ?? new ItemKnnOptions();

    public ItemKnnOptions Options { get; }

    public string ModelName => ItemKnnModel.Name;

    public IRecommender Fit(TrainingData data, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        cancellationToken.ThrowIfCancellationRequested();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var interactions = BinaryInput.Apply(data.Interactions, Options);
        var positive = interactions.PositivePart();
        var itemsByUser = positive.Transpose();
        // Plain cosine weighs nothing: its term statistics (a pass over every entry and a log per user) are not needed.
        var weighted = Options.Similarity == SimilarityKind.Cosine ? itemsByUser : TermWeighting.Fit(itemsByUser, Options).WeightMatrix(itemsByUser);
        // Unweighted (plain cosine), the users x items positive part is already the transpose the kernel needs.
        var usersByItem = ReferenceEquals(weighted, itemsByUser) ? positive : weighted.Transpose();
        var similarities = SparseNeighbours.TopK(weighted, usersByItem, Options.Neighbours, Options.Shrink, Options.Threads, cancellationToken);
        if (!AllFinite(similarities.Values))
            throw new ModelFitException("item-kNN similarities are not finite: check the input values for NaN or infinity.");
        progress?.Report(new EpochReport(1, 1, System.Diagnostics.Stopwatch.GetElapsedTime(started), double.NaN));
        return new ItemKnnModel(data.Users, data.Items, interactions, similarities, Options) { Threads = Options.Threads };
    }

    // A plain loop: the generic vector helpers would be compiled at run time for this one call (ReadyToRun does not
    // hold them), which cost more than the check.
    private static bool AllFinite(ReadOnlySpan<float> values)
    {
        foreach (var v in values)
            if (!float.IsFinite(v)) return false;
        return true;
    }
}
