using Encore.Core.Errors;
using Encore.Models.Contract;

namespace Encore.Models.Popularity;

/// <summary>What a popularity score counts.</summary>
public enum PopularityScoring
{
    /// <summary>Number of users with a stored interaction with the item.</summary>
    UserCount,
    /// <summary>Sum of the interaction values (plays, event weights, decayed weights).</summary>
    ValueSum,
    /// <summary>Bayesian-smoothed mean value: (N_i mean_i + C M) / (N_i + C), M = global mean value.</summary>
    SmoothedMean,
}

/// <summary>Options of <see cref="PopularityTrainer"/>.</summary>
public sealed record PopularityOptions : ModelOptions
{
    private readonly double _prior = 10;

    /// <value>Scoring rule. Default <see cref="PopularityScoring.UserCount"/>.</value>
    public PopularityScoring Scoring { get; init; } = PopularityScoring.UserCount;

    /// <value>Prior weight C of <see cref="PopularityScoring.SmoothedMean"/> (pseudo-interactions at the global mean). Default 10.</value>
    public double PriorWeight
    {
        get => _prior;
        init { Guard.NonNegative(value, nameof(PriorWeight)); _prior = value; }
    }
}
