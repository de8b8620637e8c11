using System.Globalization;
using Encore.Models.Bandits;

namespace Encore.Evaluation.Bandits;

/// <summary>
/// Parses a policy list such as "linucb:0.5,hybrid:0.5,thompson:0.1,epsilon:0.1,greedy,random" into learner
/// factories (name[:parameter]): linucb:α (disjoint LinUCB), hybrid:α[:λ_u] (hybrid LinUCB, shared features =
/// the track vector; the shared A₀ starts at λI, each user's A_u at λ_u I, default λ), thompson:v (linear Thompson sampling, posterior scale v), epsilon:ε (ε-greedy ridge),
/// greedy (ε = 0) and random. Each factory makes a fresh, empty learner for a width d and ridge weight λ.
/// </summary>
public static class BanditPolicySpec
{
    /// <summary>Accepted names, for help texts.</summary>
    public const string Help = "linucb:ALPHA, hybrid:ALPHA[:USER_LAMBDA], thompson:SCALE, epsilon:EPS (or epsilon-greedy:EPS, as the service names it), greedy, random (comma-separated)";

    /// <exception cref="ArgumentException">An unknown name or a parameter that is not a number in range (the message names the item).</exception>
    public static IReadOnlyList<Func<int, double, IBanditLearner>> Parse(string list)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(list);
        var result = new List<Func<int, double, IBanditLearner>>();
        foreach (var item in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split(':', 3);
            var name = parts[0].ToLowerInvariant();
            double? p = parts.Length >= 2 ? Number(item, parts[1]) : null;
            double? userLambda = parts.Length == 3 ? Number(item, parts[2]) : null;
            if (userLambda is not null && name != "hybrid") throw new ArgumentException($"--policies item '{item}': only hybrid takes a second parameter (the per-user ridge weight).");
            result.Add(name switch
            {
                "linucb" => Disjoint(new LinUcbPolicy(Checked(item, p ?? 0.5, 0, 100))),
                "hybrid" => Hybrid(Checked(item, p ?? 0.5, 0, 100), userLambda is null ? null : Checked(item, userLambda.Value, 1e-9, 1e6)),
                "thompson" => Disjoint(new ThompsonSamplingPolicy(Checked(item, p ?? 0.1, 1e-9, 100))),
                "epsilon" or "epsilon-greedy" => Disjoint(new EpsilonGreedyPolicy(Checked(item, p ?? 0.1, 0, 1))),
                "greedy" when p is null => Disjoint(new EpsilonGreedyPolicy(0)),
                "random" when p is null => Disjoint(new RandomPolicy()),
                _ => throw new ArgumentException($"--policies item '{item}': expected one of {Help}."),
            });
        }
        if (result.Count == 0) throw new ArgumentException($"--policies is empty; expected {Help}.");
        return result;
    }

    private static Func<int, double, IBanditLearner> Disjoint(IBanditPolicy policy) => (d, lambda) => new DisjointBanditLearner(policy, d, lambda);

    private static Func<int, double, IBanditLearner> Hybrid(double alpha, double? userLambda) => (d, lambda) => new HybridLinUcb(d, alpha, userLambda ?? lambda, lambda);

    private static double Number(string item, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new ArgumentException($"--policies item '{item}': '{text}' is not a number.");

    private static double Checked(string item, double value, double low, double high) =>
        value >= low && value <= high ? value : throw new ArgumentException($"--policies item '{item}': {value.ToString(CultureInfo.InvariantCulture)} is outside [{low.ToString(CultureInfo.InvariantCulture)}, {high.ToString(CultureInfo.InvariantCulture)}].");
}
