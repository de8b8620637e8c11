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
        var itemsByUser = interactions.PositivePart().Transpose();
        var weighted = TermWeighting.Fit(itemsByUser, Options).WeightMatrix(itemsByUser);
        var similarities = SparseNeighbours.TopK(weighted, Options.Neighbours, Options.Shrink, Options.Threads, cancellationToken);
        if (!float.IsFinite(Sum(similarities.Values)))
            throw new ModelFitException("item-kNN similarities are not finite: check the input values for NaN or infinity.");
        progress?.Report(new EpochReport(1, 1, System.Diagnostics.Stopwatch.GetElapsedTime(started), double.NaN));
        return new ItemKnnModel(data.Users, data.Items, interactions, similarities, Options) { Threads = Options.Threads };
    }

    private static float Sum(ReadOnlySpan<float> values) => System.Numerics.Tensors.TensorPrimitives.Sum(values);
}
