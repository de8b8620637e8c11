using Encore.Models.Contract;

namespace Encore.Models.Neighbourhood;

/// <summary>
/// Fits user-kNN: weights the users x items matrix (<see cref="KnnOptions.Similarity"/>), then keeps the
/// top-K cosine neighbours of every user as a sparse user x user matrix.
/// </summary>
public sealed class UserKnnTrainer : IRecommenderTrainer
{
    public UserKnnTrainer(UserKnnOptions? options = null) => Options = options ?? new UserKnnOptions();

    public UserKnnOptions Options { get; }

    public string ModelName => UserKnnModel.Name;

    public IRecommender Fit(TrainingData data, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        cancellationToken.ThrowIfCancellationRequested();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var interactions = BinaryInput.Apply(data.Interactions, Options);
        var signal = interactions.PositivePart();
        var weighting = TermWeighting.Fit(signal, Options);
        var weighted = weighting.WeightMatrix(signal);
        var neighbours = SparseNeighbours.TopK(weighted, Options.Neighbours, Options.Shrink, Options.Threads, cancellationToken);
        progress?.Report(new EpochReport(1, 1, System.Diagnostics.Stopwatch.GetElapsedTime(started), double.NaN));
        return new UserKnnModel(data.Users, data.Items, interactions, neighbours, Options) { Threads = Options.Threads };
    }
}
