using Encore.Models.Contract;
using Encore.Models.Ease;
using Encore.Models.Factorization.Als;
using Encore.Models.Neighbourhood;
using Encore.Models.Popularity;

namespace Encore.Online.Retraining;

/// <summary>The trainer a retrain uses, from <see cref="RetrainOptions.Trainer"/>.</summary>
public static class TrainerFactory
{
    public static readonly IReadOnlyList<string> Kinds = ["als", "item-knn", "ease", "popularity"];

    public static IRecommenderTrainer Create(RetrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Trainer switch
        {
            "als" => new AlsTrainer(new AlsOptions
            {
                Factors = options.Factors,
                Iterations = options.Iterations,
                Regularization = options.Regularization,
                Alpha = options.Alpha,
                Seed = options.Seed,
            }),
            "item-knn" => new ItemKnnTrainer(new ItemKnnOptions { Neighbours = 100, Seed = options.Seed }),
            "ease" => new EaseTrainer(new EaseOptions { Seed = options.Seed }),
            "popularity" => new PopularityTrainer(),
            _ => throw new ArgumentException($"Unknown trainer '{options.Trainer}'; expected one of {string.Join(", ", Kinds)}.", nameof(options)),
        };
    }
}
