using Encore.Models.Contract;

namespace Encore.Models.Playlists;

/// <summary>"Fits" playlist-kNN: nothing is learned; the model indexes playlists by track for request-time Dice similarity.</summary>
public sealed class PlaylistKnnTrainer(PlaylistKnnOptions? options = null) : IRecommenderTrainer
{
    public PlaylistKnnOptions Options { get; } = options ?? new PlaylistKnnOptions();

    public string ModelName => PlaylistKnnModel.Name;

    public IRecommender Fit(TrainingData data, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        cancellationToken.ThrowIfCancellationRequested();
        var model = new PlaylistKnnModel(data.Users, data.Items, data.Interactions, Options) { Threads = Options.Threads };
        progress?.Report(new EpochReport(1, 1, TimeSpan.Zero, double.NaN));
        return model;
    }
}
