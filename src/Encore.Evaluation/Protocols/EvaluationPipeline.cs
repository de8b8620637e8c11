using Encore.Evaluation.Runs;
using Encore.Evaluation.Statistics;
using Encore.Models.Contract;

namespace Encore.Evaluation.Protocols;

/// <summary>
/// Trains each model on a prepared protocol, records its training curve, ranks for every user with held-out
/// items (full ranking unless the protocol asks for sampled negatives), and returns one
/// <see cref="ExperimentRun"/> per model: accuracy at each k with 95% bootstrap intervals and per-user values,
/// beyond-accuracy metrics, the protocol's statistics, fit and evaluation seconds.
/// </summary>
public sealed class EvaluationPipeline
{
    private readonly EvaluationSettings _settings;

    public EvaluationPipeline(EvaluationSettings? settings = null)
    {
        _settings = settings ?? new EvaluationSettings();
        _settings.Validate();
    }

    public IReadOnlyList<ExperimentRun> Run(PreparedProtocol protocol, IReadOnlyList<ModelCandidate> models, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(models);
        var runs = new List<ExperimentRun>(models.Count);
        foreach (var model in models) runs.Add(Evaluate(protocol, model, cancellationToken).Run);
        return runs;
    }

    /// <summary>One model: its run record and the fitted model (for the group protocol or saving).</summary>
    public (ExperimentRun Run, IRecommender Model) Evaluate(PreparedProtocol protocol, ModelCandidate candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(candidate);
        var time = _settings.Time;
        var startedAt = time.GetUtcNow();
        var forward = _settings.TrainingProgress is { } observer ? new ForwardProgress(candidate.Name, observer) : null;
        var curve = new CurveRecorder(forward);

        var steps = _settings.StepProgress;
        steps?.Report((candidate.Name, "fitting"));
        var fitStart = time.GetTimestamp();
        var model = candidate.Trainer.Fit(protocol.Train, curve, cancellationToken);
        var fitSeconds = time.GetElapsedTime(fitStart).TotalSeconds;

        var evalStart = time.GetTimestamp();
        steps?.Report((candidate.Name, $"evaluating {protocol.Target.Rows:N0} users' held-out items"));
        var (table, lists) = protocol.Options.SampledNegatives is { } negatives
            ? SampledRankingEvaluator.Evaluate(model, protocol.Target, protocol.Train.Interactions, _settings.Ks, negatives, protocol.Options.Seed, cancellationToken)
            : FullRankingEvaluator.EvaluateWithLists(model, protocol.Target, _settings.Ks, protocol.Train.Interactions, cancellationToken: cancellationToken);
        var means = new Dictionary<string, double>(StringComparer.Ordinal);
        var intervals = new Dictionary<string, MetricInterval>(StringComparer.Ordinal);
        var perUser = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var metric in table.Metrics)
        {
            var column = table[metric];
            var (mean, low, high) = BootstrapInterval.OfMean(column, _settings.BootstrapResamples, seed: protocol.Options.Seed);
            means[metric] = mean;
            intervals[metric] = new MetricInterval(low, high);
            perUser[metric] = column;
        }
        ListMetrics.AddTo(means, lists, _settings.Ks, protocol.ItemPopularity(), protocol.Train.UserCount, protocol.Catalogue);
        var evaluateSeconds = time.GetElapsedTime(evalStart).TotalSeconds;
        means["users"] = table.Users.Length;
        foreach (var (name, value) in protocol.Statistics) means[name] = value;

        var run = new ExperimentRun
        {
            Id = RunIds.NewRunId(startedAt),
            StartedAt = startedAt,
            Kind = _settings.Kind,
            SweepId = _settings.SweepId,
            Model = candidate.Name,
            Parameters = WithDataSettings(WithDataChoices(candidate.Parameters, model), protocol),
            Dataset = _settings.Dataset,
            DatasetHash = _settings.DatasetHash,
            Protocol = protocol.Label,
            CodeVersion = CodeVersion.Current,
            Seed = protocol.Options.Seed,
            FitSeconds = fitSeconds,
            EvaluateSeconds = evaluateSeconds,
            Means = means,
            Intervals = intervals,
            Users = table.Users,
            PerUser = perUser,
            Curve = curve.Points,
        };
        return (run, model);
    }

    // A setting the trainer chose from the data is recorded as it was used, marked "(auto)" like the confidence choice.
    private static IReadOnlyDictionary<string, string> WithDataChoices(IReadOnlyDictionary<string, string> parameters, IRecommender model)
    {
        if (model is not IDataChoices { DataChoices.Count: > 0 } chosen) return parameters;
        var result = new Dictionary<string, string>(parameters, StringComparer.Ordinal);
        foreach (var choice in chosen.DataChoices) result[choice.Setting] = $"{choice.Value} (auto)";
        return result;
    }

    /// <summary>Run parameter of the relevance threshold when it was set or chosen: "4" or "4 (auto)" (absent for the plain default 1).</summary>
    public const string ThresholdKey = "protocol.threshold";

    // Preprocessing changes results as much as model settings do, so it is recorded next to them.
    private static Dictionary<string, string> WithDataSettings(IReadOnlyDictionary<string, string> parameters, PreparedProtocol protocol)
    {
        var options = protocol.Options;
        var result = new Dictionary<string, string>(parameters, StringComparer.Ordinal)
        {
            ["data.confidence"] = protocol.Confidence?.Label ?? options.Aggregation.Confidence.Name,
            ["data.use-values"] = options.Aggregation.UseEventValue ? "true" : "false",
            ["data.ratings"] = options.Ratings.ToString().ToLowerInvariant(),
        };
        // "4 (auto)" when chosen from the ratings' scale, so runs with and without the rule differ in runs list.
        if (options.ThresholdParameter is { } threshold) result[ThresholdKey] = threshold;
        return result;
    }

    private sealed class ForwardProgress(string model, IProgress<(string Model, EpochReport Epoch)> inner) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => inner.Report((model, value));
    }
}
