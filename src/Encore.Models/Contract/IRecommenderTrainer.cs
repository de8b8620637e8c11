namespace Encore.Models.Contract;

/// <summary>Options plus Fit: produces an immutable <see cref="IRecommender"/>. Trainers hold no fitted state.</summary>
public interface IRecommenderTrainer
{
    string ModelName { get; }

    IRecommender Fit(TrainingData data, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default);
}
