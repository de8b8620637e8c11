using Encore.Models.Contract;

namespace Encore.Models.Popularity;

/// <summary>Fits the popularity model (one pass over the stored values).</summary>
public sealed class PopularityTrainer(PopularityOptions? options = null) : IRecommenderTrainer
{
    public PopularityOptions Options { get; } = options ?? new PopularityOptions();

    public string ModelName => PopularityModel.Name;

    public IRecommender Fit(TrainingData data, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var model = PopularityModel.FromData(data, Options);
        progress?.Report(new EpochReport(1, 1, TimeSpan.Zero, double.NaN));
        return model;
    }
}
