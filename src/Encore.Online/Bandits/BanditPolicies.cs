using Encore.Models.Bandits;

namespace Encore.Online.Bandits;

/// <summary>The policy <see cref="BanditOptions.Policy"/> names, with its parameter from the same options.</summary>
public static class BanditPolicies
{
    /// <summary>The accepted policy names.</summary>
    public const string Names = "linucb, thompson, epsilon-greedy, greedy";

    /// <exception cref="ArgumentException">An unknown policy name or an out-of-range parameter.</exception>
    public static IBanditPolicy Create(BanditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Policy?.ToLowerInvariant() switch
        {
            "linucb" => new LinUcbPolicy(options.Alpha),
            "thompson" => new ThompsonSamplingPolicy(options.ThompsonScale),
            "epsilon-greedy" => new EpsilonGreedyPolicy(options.Epsilon),
            "greedy" => new EpsilonGreedyPolicy(0),
            _ => throw new ArgumentException($"bandit policy '{options.Policy}' is not one of {Names}.", nameof(options)),
        };
    }
}
