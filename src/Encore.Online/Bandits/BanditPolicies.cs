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

    /// <summary>
    /// The <c>[bandit]</c> settings that make a valid spec <c>name[:parameter]</c> the service's configured policy,
    /// e.g. <c>policy = "linucb", alpha = 0.5</c> for <c>linucb:0.5</c> (the settings table of docs/bandits.md).
    /// </summary>
    public static string AsSettings(string spec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var name = (colon < 0 ? spec : spec[..colon]).Trim().ToLowerInvariant();
        var setting = $"policy = \"{name}\"";
        if (colon < 0) return setting;
        var key = name switch { "linucb" => "alpha", "thompson" => "thompson_scale", _ => "epsilon" };
        return $"{setting}, {key} = {spec[(colon + 1)..].Trim()}";
    }

    /// <summary>
    /// The policy a spec <c>name[:parameter]</c> names, e.g. <c>linucb:0.5</c> (α), <c>thompson:0.1</c> (v),
    /// <c>epsilon-greedy:0.2</c> (ε) or <c>greedy</c>; without a parameter the one in <paramref name="defaults"/>.
    /// Used by a request's own policy and by A/B experiments whose variants are policies.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown name, a parameter that is not a number, a parameter for greedy, or one out of range.</exception>
    public static IBanditPolicy Parse(string spec, BanditOptions defaults)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        ArgumentNullException.ThrowIfNull(defaults);
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var name = (colon < 0 ? spec : spec[..colon]).Trim();
        if (colon < 0) return Create(defaults with { Policy = name });
        var text = spec[(colon + 1)..].Trim();
        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw new ArgumentException($"bandit policy '{spec}': the parameter '{text}' is not a number (expected name[:parameter], e.g. linucb:0.5).", nameof(spec));
        return name.ToLowerInvariant() switch
        {
            "linucb" => Create(defaults with { Policy = name, Alpha = value }),
            "thompson" => Create(defaults with { Policy = name, ThompsonScale = value }),
            "epsilon-greedy" => Create(defaults with { Policy = name, Epsilon = value }),
            "greedy" => throw new ArgumentException($"bandit policy '{spec}': greedy takes no parameter.", nameof(spec)),
            _ => throw new ArgumentException($"bandit policy '{spec}': '{name}' is not one of {Names}.", nameof(spec)),
        };
    }
}
