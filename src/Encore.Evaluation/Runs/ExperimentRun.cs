namespace Encore.Evaluation.Runs;

/// <summary>
/// One recorded evaluation of one model setting: what was run (model, parameters, dataset hash, protocol,
/// code version, seed), how long it took, the metric means with 95% intervals, per-user values and the
/// training curve. Runs are stored by the experiment store and read back by reports.
/// </summary>
public sealed record ExperimentRun
{
    public required string Id { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    /// <summary>"evaluate" or "sweep".</summary>
    public required string Kind { get; init; }
    /// <summary>Groups the runs of one sweep (null for a single evaluation).</summary>
    public string? SweepId { get; init; }
    public required string Model { get; init; }
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
    public required string Dataset { get; init; }
    public required string DatasetHash { get; init; }
    /// <summary>Protocol label, e.g. "user-holdout-0.2 full-ranking" or "temporal 0.8/0.1/0.1".</summary>
    public required string Protocol { get; init; }
    public required string CodeVersion { get; init; }
    public required ulong Seed { get; init; }
    public double FitSeconds { get; init; }
    public double EvaluateSeconds { get; init; }
    /// <summary>Mean per metric (e.g. "ndcg@10", "coverage@10").</summary>
    public IReadOnlyDictionary<string, double> Means { get; init; } = new Dictionary<string, double>();
    /// <summary>95% bootstrap interval per metric, where per-user values exist.</summary>
    public IReadOnlyDictionary<string, MetricInterval> Intervals { get; init; } = new Dictionary<string, MetricInterval>();
    /// <summary>Dense user indices of the per-user values.</summary>
    public int[] Users { get; init; } = [];
    public IReadOnlyDictionary<string, double[]> PerUser { get; init; } = new Dictionary<string, double[]>();
    /// <summary>Training / bandit trajectory: (step, series name, value), e.g. (3, "loss", 0.41).</summary>
    public IReadOnlyList<CurvePoint> Curve { get; init; } = [];
}

/// <summary>A confidence interval of a metric mean.</summary>
public readonly record struct MetricInterval(double Low, double High);

/// <summary>One point of a trajectory (training epoch or bandit round).</summary>
public readonly record struct CurvePoint(int Step, string Series, double Value);
