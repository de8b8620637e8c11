using Encore.Evaluation.Runs;

namespace Encore.Evaluation.Tests.Reports;

/// <summary>Hand-made runs: three models evaluated at k = 5, 10, 30 with per-user values and curves, and a 4-run ALS sweep.</summary>
internal static class ReportFixtures
{
    public const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    public static List<ExperimentRun> Runs() =>
    [
        Run("r1-pop", "popularity", 0, null, [], 0.050, 0.20, curve: []),
        Run("r2-knn", "item-knn", 1, null, new() { ["neighbours"] = "100" }, 0.120, 0.45, curve: []),
        Run("r3-als", "als", 2, null, new() { ["factors"] = "64", ["reg"] = "0.1" }, 0.150, 0.38, Loss(12, 1.0, 0.82)),
        Run("s1-a", "als", 3, "s1", new() { ["factors"] = "16", ["reg"] = "0.01" }, 0.100, 0.30, Loss(8, 1.2, 0.75)),
        Run("s1-b", "als", 4, "s1", new() { ["factors"] = "32", ["reg"] = "0.01" }, 0.130, 0.33, Loss(8, 1.1, 0.78)),
        Run("s1-c", "als", 5, "s1", new() { ["factors"] = "64", ["reg"] = "0.1" }, 0.160, 0.36, Loss(8, 1.0, 0.80)),
        Run("s1-d", "als", 6, "s1", new() { ["factors"] = "128", ["reg"] = "0.1" }, 0.155, 0.40, Loss(8, 0.9, 0.83)),
    ];

    public static ExperimentRun Run(string id, string model, int order, string? sweep, Dictionary<string, string> parameters,
        double ndcg10, double coverage, List<CurvePoint> curve)
    {
        var users = Enumerable.Range(0, 40).ToArray();
        // Per-user values spread around the mean without randomness: a fixed zig-zag, clipped at 0.
        var perUser = users.Select(u => Math.Max(0, ndcg10 + (((u * 7) % 11) - 5) * ndcg10 / 6)).ToArray();
        return new ExperimentRun
        {
            Id = id,
            StartedAt = Start.AddMinutes(order),
            Kind = sweep is null ? "evaluate" : "sweep",
            SweepId = sweep,
            Model = model,
            Parameters = parameters,
            Dataset = "synthetic-demo",
            DatasetHash = Hash,
            Protocol = "user-holdout-0.2 full-ranking",
            CodeVersion = "0.1.0+abc1234",
            Seed = 42,
            FitSeconds = 1.5 + order,
            EvaluateSeconds = 0.25,
            Means = new Dictionary<string, double>
            {
                ["ndcg@5"] = ndcg10 * 0.8,
                ["ndcg@10"] = ndcg10,
                ["ndcg@30"] = ndcg10 * 1.3,
                ["recall@10"] = ndcg10 * 1.6,
                ["recall@30"] = ndcg10 * 2.6,
                ["coverage@10"] = coverage,
            },
            Intervals = new Dictionary<string, MetricInterval> { ["ndcg@10"] = new(ndcg10 - 0.01, ndcg10 + 0.012) },
            Users = users,
            PerUser = new Dictionary<string, double[]> { ["ndcg@10"] = perUser },
            Curve = curve,
        };
    }

    /// <summary>A decaying loss: start * decay^step for steps 1..n.</summary>
    public static List<CurvePoint> Loss(int steps, double start, double decay) =>
        Enumerable.Range(1, steps).Select(s => new CurvePoint(s, "loss", start * Math.Pow(decay, s))).ToList();

    /// <summary>Every figure the fixtures fill, by id.</summary>
    public static readonly string[] FigureIds =
    [
        "fig-metric-at-k-ndcg", "fig-metric-at-k-recall", "fig-per-user-distribution", "fig-curve-loss",
        "fig-sweep-s1-factors", "fig-sweep-s1-reg", "fig-coverage-vs-accuracy",
    ];
}
