using System.Globalization;
using Encore.Models.Bandits;

namespace Encore.Online.Bandits;

/// <summary>The policy <see cref="BanditOptions.Policy"/> names, with its parameter from the same options.</summary>
public static class BanditPolicies
{
    /// <summary>The accepted policy names.</summary>
    public const string Names = "linucb, thompson, epsilon-greedy (alias epsilon, as encore bandits simulate names it), greedy";

    /// <summary>
    /// The served policy a name stands for (any letter case): linucb, thompson, epsilon-greedy (also <c>epsilon</c>, the
    /// name <c>encore bandits simulate --policies</c> takes) or greedy; null for any other name.
    /// </summary>
    public static string? Canonical(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "linucb" => "linucb",
        "thompson" => "thompson",
        "epsilon-greedy" or "epsilon" => "epsilon-greedy",
        "greedy" => "greedy",
        _ => null,
    };

    /// <exception cref="ArgumentException">An unknown policy name or an out-of-range parameter.</exception>
    public static IBanditPolicy Create(BanditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Canonical(options.Policy) switch
        {
            "linucb" => new LinUcbPolicy(options.Alpha),
            "thompson" => new ThompsonSamplingPolicy(options.ThompsonScale),
            "epsilon-greedy" => new EpsilonGreedyPolicy(options.Epsilon),
            "greedy" => new EpsilonGreedyPolicy(0),
            _ => throw new ArgumentException(UnknownName(options.Policy), nameof(options)),
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
        var given = (colon < 0 ? spec : spec[..colon]).Trim();
        var name = Canonical(given) ?? given.ToLowerInvariant();
        var setting = $"policy = \"{name}\"";
        if (colon < 0) return setting;
        var key = name switch { "linucb" => "alpha", "thompson" => "thompson_scale", _ => "epsilon" };
        return $"{setting}, {key} = {spec[(colon + 1)..].Trim()}";
    }

    /// <summary>
    /// The policy a spec <c>name[:parameter]</c> names, e.g. <c>linucb:0.5</c> (α), <c>thompson:0.1</c> (v),
    /// <c>epsilon-greedy:0.2</c> or <c>epsilon:0.2</c> (ε) or <c>greedy</c>; without a parameter the one in <paramref name="defaults"/>.
    /// Used by a request's own policy and by A/B experiments whose variants are policies.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// An unknown name, a parameter that is not a number, a parameter for greedy, or one out of range; the message says which,
    /// with the range, in words a client can act on (the service answers it as the 400's detail).
    /// </exception>
    public static IBanditPolicy Parse(string spec, BanditOptions defaults)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        ArgumentNullException.ThrowIfNull(defaults);
        var shown = spec.Length > 64 ? spec[..64] + "..." : spec;
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var given = (colon < 0 ? spec : spec[..colon]).Trim();
        var name = Canonical(given) ?? throw new ArgumentException($"bandit policy '{shown}': {UnknownName(given)}", nameof(spec));
        if (colon < 0) return Create(defaults with { Policy = name });
        var text = spec[(colon + 1)..].Trim();
        if (name == "greedy")
            throw new ArgumentException($"bandit policy '{shown}': greedy takes no parameter (it is epsilon-greedy with epsilon 0); write greedy, or epsilon-greedy:EPS.", nameof(spec));
        var (parameter, range, valid) = name switch
        {
            "linucb" => ("alpha (the exploration weight)", "a number >= 0", (Func<double, bool>)(v => v >= 0)),
            "thompson" => ("v (the posterior scale)", "a number > 0", v => v > 0),
            _ => ("epsilon (the exploration probability)", "a number from 0 to 1", v => v is >= 0 and <= 1),
        };
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw new ArgumentException($"bandit policy '{shown}': {name}'s parameter {parameter} must be {range}; got '{text}' (expected name[:parameter], e.g. {name}:{Example(name)}).", nameof(spec));
        if (!valid(value))
            throw new ArgumentException($"bandit policy '{shown}': {name}'s parameter {parameter} must be {range}; got {value.ToString(CultureInfo.InvariantCulture)}.", nameof(spec));
        return name switch
        {
            "linucb" => Create(defaults with { Policy = name, Alpha = value }),
            "thompson" => Create(defaults with { Policy = name, ThompsonScale = value }),
            _ => Create(defaults with { Policy = name, Epsilon = value }),
        };
    }

    private static string Example(string name) => name switch { "linucb" => "0.5", _ => "0.1" };

    // hybrid and random are policies of the offline commands (encore bandits simulate / replay); the service has none of them.
    private static string UnknownName(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "hybrid" => $"hybrid LinUCB is a policy of the offline commands only (encore bandits simulate / replay); the service runs {Names}.",
        "random" => "random is the baseline of the offline commands only (encore bandits simulate / replay); epsilon-greedy:1 picks uniformly at random.",
        _ => $"'{name}' is not a policy the service runs; expected one of {Names}, as name[:parameter] (e.g. linucb:0.5).",
    };
}
