using Encore.Models.Contract;
using Encore.Models.Ease;
using Encore.Models.Factorization.Als;
using Encore.Models.Neighbourhood;
using Encore.Models.Popularity;
using Encore.Models.Training;

namespace Encore.Online.Retraining;

/// <summary>The trainer a retrain uses, from <see cref="RetrainOptions.Trainer"/>.</summary>
public static class TrainerFactory
{
    public static readonly IReadOnlyList<string> Kinds = ["als", "item-knn", "ease", "popularity"];

    /// <summary>The trainer of <paramref name="options"/>: the built-in settings, or the catalogue's trainer with <see cref="RetrainOptions.TrainerSettings"/> applied.</summary>
    /// <exception cref="ArgumentException">Unknown trainer, or a setting the trainer does not have (the message lists the valid keys).</exception>
    public static IRecommenderTrainer Create(RetrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.TrainerSettings.Count > 0)
        {
            if (!Kinds.Contains(options.Trainer))
                throw new ArgumentException($"Unknown trainer '{options.Trainer}'; expected one of {string.Join(", ", Kinds)}.", nameof(options));
            var settings = BaseSettings(options);
            foreach (var (key, value) in options.TrainerSettings) settings[key] = value;
            return TrainerCatalog.Create(options.Trainer, settings);
        }
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

    // The built-in settings of each kind as catalogue keys, so a settings file changes only what it names.
    private static Dictionary<string, string> BaseSettings(RetrainOptions options)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (options.Trainer == "popularity") return settings;
        settings["seed"] = options.Seed.ToString(invariant);
        if (options.Trainer == "als")
        {
            settings["factors"] = options.Factors.ToString(invariant);
            settings["iterations"] = options.Iterations.ToString(invariant);
            settings["regularization"] = options.Regularization.ToString("R", invariant);
            settings["alpha"] = options.Alpha.ToString("R", invariant);
        }
        else if (options.Trainer == "item-knn") settings["neighbours"] = "100";
        return settings;
    }
}
