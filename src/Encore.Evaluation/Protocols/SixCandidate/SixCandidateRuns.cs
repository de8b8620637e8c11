using Encore.Evaluation.Runs;
using Encore.Models.Hierarchy;

namespace Encore.Evaluation.Protocols.SixCandidate;

/// <summary>Turns a six-candidate report into experiment runs (metrics "accuracy" and "error-rate", per test user).</summary>
public static class SixCandidateRuns
{
    public const string Accuracy = "accuracy";
    public const string ErrorRate = "error-rate";

    public static IReadOnlyList<ExperimentRun> From(SixCandidateReport report, string dataset, string datasetHash, ulong seed, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(time);
        var runs = new List<ExperimentRun>();
        foreach (var r in report.Results)
        {
            var startedAt = time.GetUtcNow();
            runs.Add(new ExperimentRun
            {
                Id = RunIds.NewRunId(startedAt),
                StartedAt = startedAt,
                Kind = "evaluate",
                Model = r.Name,
                Parameters = new Dictionary<string, string>
                {
                    ["family"] = r.Family,
                    ["bayes-prior"] = report.Prior.Settings.Describe(),
                    ["adaptive-scale"] = report.PriorConfidence.Form.Name(),
                    ["prior-confidence"] = PriorConfidenceNames.Format(report.PriorConfidence.Confidence) + (report.PriorConfidence.Validated ? " (validated)" : " (fixed)"),
                    ["adaptive-strict-scale"] = report.AdaptiveScale.Form.Name(),
                },
                Dataset = dataset,
                DatasetHash = datasetHash,
                Protocol = report.Label,
                CodeVersion = CodeVersion.Current,
                Seed = seed,
                FitSeconds = r.Seconds,
                Means = new Dictionary<string, double> { [Accuracy] = r.Accuracy, [ErrorRate] = r.ErrorRate },
                Intervals = new Dictionary<string, MetricInterval>
                {
                    [Accuracy] = new(r.Low, r.High),
                    [ErrorRate] = new(1 - r.High, 1 - r.Low),
                },
                Users = report.Users,
                PerUser = new Dictionary<string, double[]>
                {
                    [Accuracy] = r.PerUser,
                    [ErrorRate] = [.. r.PerUser.Select(v => 1 - v)],
                },
            });
        }
        return runs;
    }
}
