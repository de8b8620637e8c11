using Encore.Core.Randomness;
using Encore.Data.Model;
using Encore.Data.Synthetic;
using Encore.Online.Feedback;

namespace Encore.Online.Experiments;

/// <summary>Settings of one <see cref="AbSimulation"/> run.</summary>
public sealed record AbSimulationOptions
{
    /// <value>Sessions per user (one served list each). Default 4.</value>
    public int Sessions { get; init; } = 4;

    /// <value>Uniform candidate tracks drawn per session. Default 40.</value>
    public int Candidates { get; init; } = 40;

    /// <value>Tracks shown per list (impressions). Default 10.</value>
    public int K { get; init; } = 10;

    /// <value>Probability of a skip for a shown track that is not played. Default 0.3.</value>
    public double SkipRate { get; init; } = 0.3;

    /// <value>Family-wise level of the test, in (0, 1). Default 0.05.</value>
    public double Alpha { get; init; } = 0.05;
}

/// <summary>
/// An A/B test on a synthetic world, where each user's true affinity to each track is known. Every user has
/// <see cref="AbSimulationOptions.Sessions"/> sessions; a session draws uniform candidate tracks and the user's
/// variant shows K of them: "control" the first K, "treatment" the same when the variants are identical (A/A), or the
/// K with the highest true affinity when it is planted better. The simulated user plays a shown track with
/// probability σ((affinity − μ) / s − 2) (μ, s: mean and deviation of affinity over random pairs; a base rate near
/// 12 %) and skips <see cref="AbSimulationOptions.SkipRate"/> of the rest. The pipeline is the service's: hash
/// assignment, served lists, attribution to the list that showed the track, <see cref="AbAnalysis"/>. Deterministic
/// for a seed.
/// </summary>
public sealed class AbSimulation
{
    private readonly SyntheticWorld _world;
    private readonly double _mean;
    private readonly double _sd;

    /// <param name="world">The world whose true affinities drive the simulated users (all its users take part).</param>
    public AbSimulation(SyntheticWorld world)
    {
        _world = world ?? throw new ArgumentNullException(nameof(world));
        var rng = new Rng(99);
        var values = new double[20_000];
        for (var i = 0; i < values.Length; i++) values[i] = world.TrueAffinity(rng.NextInt(world.Options.Users), rng.NextInt(world.Options.Tracks));
        _mean = values.Average();
        _sd = Math.Sqrt(values.Sum(v => (v - _mean) * (v - _mean)) / (values.Length - 1));
    }

    /// <summary>One seeded experiment (name "sim-{seed}", salt from the seed); returns its report.</summary>
    /// <param name="seed">Seeds the candidates, the simulated feedback and the assignment salt.</param>
    /// <param name="treatmentIsBetter">Plant a better treatment (true) or run identical variants (false).</param>
    /// <param name="options">Sizes and level (default <see cref="AbSimulationOptions"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">K is not in [1, Candidates], or Sessions &lt; 1.</exception>
    public AbReport Run(ulong seed, bool treatmentIsBetter, AbSimulationOptions? options = null)
    {
        options ??= new AbSimulationOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Sessions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.K, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.K, options.Candidates);
        var experiment = new AbExperiment
        {
            Name = $"sim-{seed}",
            Variants = [new AbVariant("control", 0.5, Model: "a"), new AbVariant("treatment", 0.5, Model: "b")],
        };
        var ledger = new AbLedger(TimeSpan.FromHours(1));
        var rng = new Rng(seed);
        var candidates = new int[options.Candidates];
        var events = new List<StoredEvent>();
        var listId = 0;
        for (var user = 0; user < _world.Options.Users; user++)
        {
            var id = "u" + user;
            var variant = AbAssignment.Assign(experiment, id);
            for (var session = 0; session < options.Sessions; session++)
            {
                for (var c = 0; c < candidates.Length; c++) candidates[c] = rng.NextInt(_world.Options.Tracks);
                var u = user;
                var shown = variant == 1 && treatmentIsBetter
                    ? candidates.OrderByDescending(t => _world.TrueAffinity(u, t)).Take(options.K).ToArray()
                    : candidates.Take(options.K).ToArray();
                var servedMs = 1_000_000L * session;
                ledger.Record(new ServedList($"l{listId++}", experiment.Name, experiment.Variants[variant].Name, id, [.. shown.Select(t => "t" + t)], servedMs));
                foreach (var track in shown)
                {
                    var p = 1 / (1 + Math.Exp(-((_world.TrueAffinity(user, track) - _mean) / _sd - 2)));
                    var kind = rng.NextDouble() < p ? EventKind.Play : rng.NextDouble() < options.SkipRate ? EventKind.Skip : (EventKind?)null;
                    if (kind is { } k) events.Add(new StoredEvent(null, id, "t" + track, k, servedMs + 60_000, null, null));
                }
            }
        }
        ledger.Attribute(events);
        return AbAnalysis.Analyse(experiment, ledger, options.Alpha);
    }
}
