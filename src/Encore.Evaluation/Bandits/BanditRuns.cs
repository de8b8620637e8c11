using System.Globalization;
using Encore.Evaluation.Runs;

namespace Encore.Evaluation.Bandits;

/// <summary>
/// Turns bandit trajectories into experiment runs, so they land in the run store's <c>curves</c> table and
/// the HTML report plots them (one figure per series, one line per run). Simulation runs (kind
/// "bandit-simulation") carry the series "reward" (cumulative observed reward), "regret" (cumulative expected
/// regret) and "ctr" (running mean reward per round); replay runs (kind "bandit-replay") carry "ctr" over the
/// matched events. Step = round (1-based), recorded every <c>every</c> rounds plus the last one.
/// </summary>
public static class BanditRuns
{
    public const string SimulationKind = "bandit-simulation";
    public const string ReplayKind = "bandit-replay";
    public const string Reward = "reward";
    public const string Regret = "regret";
    public const string Ctr = "ctr";

    /// <param name="trajectory">One policy's simulation.</param>
    /// <param name="options">The simulation's settings (they become the protocol label).</param>
    /// <param name="world">What was simulated, e.g. "synthetic tiny (seed 42)": the run's dataset.</param>
    /// <param name="every">Record every this many rounds (≥ 1); the last round is always recorded.</param>
    /// <param name="time">Clock for the run's start time.</param>
    public static ExperimentRun FromSimulation(BanditTrajectory trajectory, BanditSimulationOptions options, string world, int every, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        var curve = new List<CurvePoint>();
        foreach (var t in Steps(trajectory.Rounds, every))
        {
            curve.Add(new CurvePoint(t + 1, Reward, trajectory.CumulativeReward[t]));
            curve.Add(new CurvePoint(t + 1, Regret, trajectory.CumulativeRegret[t]));
            curve.Add(new CurvePoint(t + 1, Ctr, trajectory.MeanReward[t]));
        }
        var startedAt = time.GetUtcNow();
        return new ExperimentRun
        {
            Id = RunIds.NewRunId(startedAt),
            StartedAt = startedAt,
            Kind = SimulationKind,
            Model = trajectory.Policy,
            Parameters = new Dictionary<string, string>
            {
                ["rounds"] = Text(options.Rounds),
                ["users"] = Text(options.Users),
                ["candidates"] = Text(options.Candidates),
                ["noise"] = Text(options.RewardNoise),
                ["regularization"] = Text(options.Regularization),
                ["prior-weight"] = Text(options.PriorWeight),
                ["prior-negatives"] = Text(options.PriorNegativeRatio),
            },
            Dataset = world,
            DatasetHash = "",
            Protocol = SimulationLabel(options),
            CodeVersion = CodeVersion.Current,
            Seed = options.Seed,
            Means = new Dictionary<string, double>
            {
                ["final-regret"] = trajectory.FinalRegret,
                ["final-reward"] = trajectory.FinalReward,
                [Ctr] = trajectory.Rounds == 0 ? double.NaN : trajectory.MeanReward[^1],
            },
            Curve = curve,
        };
    }

    /// <param name="estimate">One policy's replay estimate.</param>
    /// <param name="log">What was replayed (the run's dataset), e.g. the snapshot folder.</param>
    /// <param name="seed">The replay's seed.</param>
    /// <param name="every">Record every this many matched events (≥ 1); the last one is always recorded.</param>
    /// <param name="time">Clock for the run's start time.</param>
    public static ExperimentRun FromReplay(ReplayEstimate estimate, string log, ulong seed, int every, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        var curve = Steps(estimate.RunningMean.Length, every).Select(t => new CurvePoint(t + 1, Ctr, estimate.RunningMean[t])).ToList();
        var startedAt = time.GetUtcNow();
        return new ExperimentRun
        {
            Id = RunIds.NewRunId(startedAt),
            StartedAt = startedAt,
            Kind = ReplayKind,
            Model = estimate.Policy,
            Parameters = new Dictionary<string, string> { ["matched"] = Text(estimate.Matched), ["events"] = Text(estimate.Events) },
            Dataset = log,
            DatasetHash = "",
            Protocol = "bandit-replay (Li et al. 2011, uniformly random log)",
            CodeVersion = CodeVersion.Current,
            Seed = seed,
            Means = new Dictionary<string, double> { [Ctr] = estimate.MeanReward },
            Intervals = new Dictionary<string, MetricInterval> { [Ctr] = new(estimate.Low, estimate.High) },
            Curve = curve,
        };
    }

    /// <summary>The protocol label: everything that changes the numbers.</summary>
    public static string SimulationLabel(BanditSimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.Create(CultureInfo.InvariantCulture,
            $"bandit-simulation rounds={options.Rounds} users={options.Users} candidates={options.Candidates} noise={options.RewardNoise} lambda={options.Regularization}{(options.PriorWeight > 0 ? $" prior=history(w={options.PriorWeight},neg={options.PriorNegativeRatio})" : "")} seed={options.Seed}");
    }

    private static IEnumerable<int> Steps(int count, int every)
    {
        for (var t = every - 1; t < count; t += every) yield return t;
        if (count > 0 && count % every != 0) yield return count - 1;
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
