using Encore.Models.Contract;
using Encore.Models.Factorization.Lmf;

namespace Encore.Models.Playlists;

/// <summary>
/// Fits SPEC S5's combined model: indexes the playlists for the Dice pool (<see cref="PlaylistKnnTrainer"/>, nothing
/// learned) and trains the embedding model on the same playlists x tracks matrix (<see cref="LmfTrainer"/>, seeded).
/// Progress reports are the embedding model's epochs.
/// </summary>
public sealed class PlaylistCombinedTrainer(PlaylistCombinedOptions? options = null) : IRecommenderTrainer
{
    public PlaylistCombinedOptions Options { get; } = options ?? new PlaylistCombinedOptions();

    public string ModelName => PlaylistCombinedModel.Name;

    IRecommender IRecommenderTrainer.Fit(TrainingData data, IProgress<EpochReport>? progress, CancellationToken cancellationToken) =>
        Fit(data, progress, cancellationToken);

    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    public PlaylistCombinedModel Fit(TrainingData data, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var o = Options;
        var pool = (PlaylistKnnModel)new PlaylistKnnTrainer(new PlaylistKnnOptions { Neighbours = o.Neighbours, FillWithPopular = false, Threads = o.Threads })
            .Fit(data, null, cancellationToken);
        var embedding = new LmfTrainer(new LmfOptions
        {
            Factors = o.Factors,
            LearningRate = o.LearningRate,
            Regularization = o.Regularization,
            Iterations = o.Iterations,
            NegativeSamples = o.NegativeSamples,
            Alpha = o.Alpha,
            Seed = o.Seed,
            Threads = o.Threads,
        }).Fit(data, progress, cancellationToken);
        return new PlaylistCombinedModel(pool, embedding, o.FillWithEmbedding) { Threads = o.Threads };
    }
}
