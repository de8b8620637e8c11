using Encore.Models.Contract;

namespace Encore.Models.Training;

/// <summary>
/// Fits <paramref name="inner"/> on binary input: every positive value of the training matrix becomes 1 (an observed
/// pair), a value &lt;= 0 (seen, no positive signal) stays as it is, so the seen set and the side tables do not change.
/// The fitted model is the inner model's (same file kind), holding the binary matrix as its training rows. Histories passed
/// at serving time (<see cref="IHistoryRecommender"/>) are scored with the values given.
/// </summary>
public sealed class BinaryInputTrainer(IRecommenderTrainer inner) : IRecommenderTrainer
{
    /// <summary>The trainer that sees the binary matrix.</summary>
    public IRecommenderTrainer Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    public string ModelName => Inner.ModelName;

    public IRecommender Fit(TrainingData data, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Inner.Fit(Binary(data), progress, cancellationToken);
    }

    /// <summary>The same data with every positive interaction value replaced by 1.</summary>
    public static TrainingData Binary(TrainingData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.WithInteractions(data.Interactions.MapValues(static v => v > 0 ? 1f : v));
    }
}
